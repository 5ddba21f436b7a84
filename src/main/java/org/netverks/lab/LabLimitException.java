package org.netverks.lab;

/** A lab request refused by one of the lab's limits; {@code limit} names it for the learner. */
class LabLimitException extends RuntimeException {

    private final int status;
    private final String limit;

    LabLimitException(int status, String limit, String message) {
        super(message);
        this.status = status;
        this.limit = limit;
    }

    int status() {
        return status;
    }

    String limit() {
        return limit;
    }
}
