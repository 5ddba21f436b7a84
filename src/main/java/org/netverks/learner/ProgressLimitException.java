package org.netverks.learner;

/**
 * A progress merge that carries more than one merge may ({@link ProgressLimits}): answered 413 with
 * the limit named, and nothing of it is kept.
 */
class ProgressLimitException extends RuntimeException {

    private final String limit;

    ProgressLimitException(String limit, String message) {
        super(message);
        this.limit = limit;
    }

    String limit() {
        return limit;
    }
}
