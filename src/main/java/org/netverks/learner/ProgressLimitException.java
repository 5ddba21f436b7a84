package org.netverks.learner;

import org.netverks.web.Refusal;
import org.netverks.web.RefusedException;

/**
 * A progress merge that carries more than one merge may ({@link ProgressLimits}): answered 413 with
 * the limit named (by {@code web.ErrorResponses}), and nothing of it is kept.
 */
class ProgressLimitException extends RefusedException {

    ProgressLimitException(String limit, String message) {
        super(new Refusal(Refusal.Kind.TOO_LARGE, message, limit));
    }
}
