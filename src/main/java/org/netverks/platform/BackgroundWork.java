package org.netverks.platform;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.slf4j.Logger;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Runs one tick of background work (pool top-up, idle reclaim, session clean-up) so that the loop
 * survives it. A database that cannot be reached — restarting after a crash, or down — is expected
 * now and then: the tick is skipped with one WARN line and no stack trace, and the next tick tries
 * again. Anything else is a bug and is logged as an error with its stack trace.
 */
public final class BackgroundWork {

    private static final java.util.Set<String> SERVER_GOING_OR_COMING = java.util.Set.of("57P01", "57P02", "57P03");

    private BackgroundWork() {}

    /** Runs {@code task}; {@code what} names it in the log ("Warm pool top-up"). */
    public static void run(Logger log, String what, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            if (unreachable(e)) {
                log.warn(
                        "{} skipped: the platform database cannot be reached ({})",
                        what,
                        innermost(e).getMessage());
            } else {
                log.error("{} failed", what, e);
            }
        }
    }

    /**
     * Whether the failure is a database out of reach: no connection to be had, or the connection
     * lost (SQLSTATE class 08), the server shutting down or starting (57P01, 57P02, 57P03).
     */
    public static boolean unreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException
                    || cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || SERVER_GOING_OR_COMING.contains(sql.getSQLState()))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static Throwable innermost(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
