package org.netverks.lab;

import java.nio.charset.StandardCharsets;

/**
 * A lab request the lab refuses, in the learner's words. The services say what happened (the
 * {@link Kind}); {@link LabErrors} alone decides the HTTP status and the limit the JSON names.
 */
class LabRefusal extends RuntimeException {

    /** Why a lab request was refused. */
    enum Kind {
        /** The SQL sent is larger than the lab accepts (the SQL size limit). */
        SQL_TOO_LARGE,
        /** The sandbox has outgrown its disk quota and must be reset. */
        OVER_DISK_QUOTA,
        /** The operator does not offer connection details for the learner's own tools. */
        CONNECTIONS_NOT_OFFERED,
        /** The learner's previous run still holds their sandbox's connection. */
        RUN_IN_PROGRESS,
        /** The learner's previous check is still being graded. */
        CHECK_IN_PROGRESS,
        /** This instance is grading as many answers as it may (grading capacity). */
        GRADING_BUSY,
        /** Grading could not finish: interrupted, or the exercise's own reference answer fails. */
        GRADING_FAILED,
        /** No hint is left to reveal. */
        NO_MORE_HINTS,
        /** A listing the lab makes for the learner took longer than the statement time limit. */
        TOO_SLOW
    }

    private final Kind kind;

    LabRefusal(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }

    /** Refuses SQL larger than the lab accepts in one {@code use} ("run", "check"), saying which limit. */
    static void requireSqlWithin(String sql, LabProperties properties, String use) {
        long bytes = sql.getBytes(StandardCharsets.UTF_8).length;
        long most = properties.maxSqlSize().toBytes();
        if (bytes > most) {
            throw new LabRefusal(
                    Kind.SQL_TOO_LARGE,
                    "Your SQL is " + kilobytes(bytes) + "; the lab accepts " + "at most " + kilobytes(most) + " in one "
                            + use + " (SQL size limit).");
        }
    }

    private static String kilobytes(long bytes) {
        return (bytes + 1023) / 1024 + " KB";
    }
}
