package org.netverks.discussion;

import java.util.Map;

/** What came of posting: done (where to go), a form problem (400), or a refusal with its status. */
sealed interface Outcome {

    record Done(long threadId, long postId) implements Outcome {}

    record Invalid(Map<String, String> errors) implements Outcome {}

    /** Blocked (403) or posting too fast (429): the message says which and what to do. */
    record Refused(int status, String message) implements Outcome {}
}
