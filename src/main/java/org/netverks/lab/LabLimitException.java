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

    /** Refuses SQL larger than the lab accepts in one {@code use} ("run", "check"), saying which limit. */
    static void requireSqlWithin(String sql, LabProperties properties, String use) {
        long bytes = sql.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        long most = properties.maxSqlSize().toBytes();
        if (bytes > most) {
            throw new LabLimitException(
                    413,
                    "SQL size limit",
                    "Your SQL is " + kilobytes(bytes) + "; the lab accepts " + "at most " + kilobytes(most) + " in one "
                            + use + " (SQL size limit).");
        }
    }

    private static String kilobytes(long bytes) {
        return (bytes + 1023) / 1024 + " KB";
    }

    int status() {
        return status;
    }

    String limit() {
        return limit;
    }
}
