package org.netverks.discussion;

import java.util.Map;
import org.netverks.web.Refusal;

/** What came of posting: done (where to go), a form problem (400), or a refusal (its kind decides the status). */
sealed interface Outcome {

    record Done(long threadId, long postId) implements Outcome {}

    record Invalid(Map<String, String> errors) implements Outcome {}

    /** Blocked or posting too fast: the message says which and what to do. */
    record Refused(Refusal refusal) implements Outcome {}

    /** The status a form answering this outcome carries. */
    default int status() {
        return this instanceof Refused refused ? refused.refusal().status() : this instanceof Invalid ? 400 : 200;
    }
}
