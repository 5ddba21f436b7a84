package org.netverks.lab.run;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.Field;
import org.postgresql.core.Query;
import org.postgresql.core.QueryExecutor;
import org.postgresql.core.ResultCursor;
import org.postgresql.core.ResultHandlerBase;
import org.postgresql.core.TransactionState;
import org.postgresql.core.Tuple;
import org.postgresql.util.PSQLWarning;

/**
 * One connection to a sandbox, logged in as the sandbox's own role. Statements go through
 * pgjdbc's query executor in simple-query mode, the way psql sends them: values arrive as
 * PostgreSQL's own text, the real command tag is kept, and notices are counted rather than
 * hoarded (100,000 of them took 370 MB through the JDBC API).
 */
public final class SandboxSession implements AutoCloseable {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SandboxSession.class);

    private final BaseConnection connection;
    private final String database;
    private final String user;
    private final String host;
    private final int port;

    private SandboxSession(BaseConnection connection, String database, String user, String host, int port) {
        this.connection = connection;
        this.database = database;
        this.user = user;
        this.host = host;
        this.port = port;
    }

    /**
     * Puts a sandbox's role back as the lab made it: the password the lab recorded, and no
     * role-level settings. Any role may change both for itself (ALTER ROLE … PASSWORD, ALTER ROLE …
     * SET), which PostgreSQL cannot forbid; the lab undoes it instead.
     */
    @FunctionalInterface
    public interface RoleRepair {
        void repair() throws SQLException;
    }

    /**
     * Logs in as the sandbox's role. A password the learner changed (28P01) is put back and the log-in
     * tried once more; role-level settings the learner made (which apply to every new session, and
     * to a shared read-only copy's every check) are removed before the session is used.
     */
    public static SandboxSession open(
            String host,
            int port,
            String database,
            String user,
            String password,
            long maxResultBytes,
            RoleRepair repair)
            throws SQLException {
        SandboxSession session;
        try {
            session = connect(host, port, database, user, password, maxResultBytes);
        } catch (SQLException e) {
            if (!INVALID_PASSWORD.equals(e.getSQLState())) {
                throw e;
            }
            log.info("The password of sandbox role {} was changed from inside: putting the recorded one back", user);
            repair.repair();
            return connect(host, port, database, user, password, maxResultBytes);
        }
        if (session.hasRoleSettings()) {
            log.info("Sandbox role {} has settings of its own (ALTER ROLE … SET): removing them", user);
            session.close();
            repair.repair();
            session = connect(host, port, database, user, password, maxResultBytes);
        }
        return session;
    }

    private static final String INVALID_PASSWORD = "28P01";

    private static SandboxSession connect(
            String host, int port, String database, String user, String password, long maxResultBytes)
            throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("ApplicationName", "netverks-lab");
        properties.setProperty("maxResultBuffer", Long.toString(maxResultBytes));
        properties.setProperty("connectTimeout", "2"); // a server that is away is reported at once
        properties.setProperty("tcpKeepAlive", "true");
        Connection connection =
                DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + database, properties);
        return new SandboxSession(connection.unwrap(BaseConnection.class), database, user, host, port);
    }

    /**
     * Whether this session started with settings made by ALTER ROLE (the lab puts its own on the
     * database, which the learner does not own). One that cannot even tell has been tampered with.
     */
    private boolean hasRoleSettings() {
        try (var rows = connection
                .createStatement()
                .executeQuery(
                        """
                select exists (select from pg_catalog.pg_settings where source in ('user', 'database user'))""")) {
            return !rows.next() || rows.getBoolean(1);
        } catch (SQLException e) {
            return true;
        }
    }

    public Connection connection() {
        return connection;
    }

    public String database() {
        return database;
    }

    public String user() {
        return user;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    private long sizeBytes = -1;
    private long sizeCheckedNanos;

    /** The sandbox's size as last measured through this connection; -1 before the first measurement. */
    public long sizeBytes() {
        return sizeBytes;
    }

    public long nanosSinceSizeChecked() {
        return System.nanoTime() - sizeCheckedNanos;
    }

    public void recordSize(long bytes) {
        sizeBytes = bytes;
        sizeCheckedNanos = System.nanoTime();
    }

    public boolean usable() {
        try {
            return !connection.isClosed();
        } catch (SQLException e) {
            return false;
        }
    }

    /** Whether the server still answers on this connection (one round trip, at most 2 s). */
    public boolean alive() {
        try {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    public TransactionState transactionState() {
        return connection.getTransactionState();
    }

    /** What one statement did on the server. */
    record Execution(
            Field[] fields,
            List<Tuple> tuples,
            String tag,
            List<SQLWarning> notices,
            long moreNotices,
            SQLException error,
            boolean timedOut,
            long nanos) {}

    /**
     * Runs one statement. After {@code timeout} the server is asked to cancel it; if it has not
     * stopped a few seconds later the connection is dropped, which ends the backend for sure.
     */
    Execution execute(String sql, Duration timeout, int maxNotices, ScheduledExecutorService timer) {
        Collector collector = new Collector(maxNotices);
        QueryExecutor executor = connection.getQueryExecutor();
        boolean[] timedOut = {false};
        ScheduledFuture<?> cancel = timer.schedule(
                () -> {
                    timedOut[0] = true;
                    try {
                        executor.sendQueryCancel();
                    } catch (SQLException e) {
                        // the abort below still ends it
                    }
                },
                timeout.toMillis(),
                TimeUnit.MILLISECONDS);
        ScheduledFuture<?> abort = timer.schedule(
                () -> {
                    try {
                        connection.abort(Runnable::run);
                    } catch (SQLException e) {
                        // already closed
                    }
                },
                timeout.toMillis() + 3000,
                TimeUnit.MILLISECONDS);
        long start = System.nanoTime();
        try {
            Query query = executor.createSimpleQuery(sql);
            executor.execute(
                    query,
                    null,
                    collector,
                    0,
                    0,
                    QueryExecutor.QUERY_EXECUTE_AS_SIMPLE
                            | QueryExecutor.QUERY_NO_BINARY_TRANSFER
                            | QueryExecutor.QUERY_BOTH_ROWS_AND_STATUS
                            | QueryExecutor.QUERY_SUPPRESS_BEGIN);
        } catch (SQLException e) {
            collector.handleError(e);
        } finally {
            abort.cancel(false);
            if (!cancel.cancel(false)) {
                awaitCancelSent(cancel); // else a late cancel could hit the next statement
            }
        }
        long nanos = System.nanoTime() - start;
        return new Execution(
                collector.fields,
                collector.tuples,
                collector.tag,
                collector.notices,
                collector.moreNotices,
                collector.getException(),
                timedOut[0],
                nanos);
    }

    private static void awaitCancelSent(ScheduledFuture<?> cancel) {
        try {
            cancel.get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // the request could not be sent; the statement ended anyway
        }
    }

    /** Decodes a text-format value as PostgreSQL sent it. */
    String text(byte[] value) {
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    String typeName(Field field) {
        return PgTypeNames.describe(field.getOID(), field.getMod(), connection);
    }

    /** A statement run by the lab itself (rollback, clean-up), outside the learner's limits. */
    void runQuietly(String sql, ScheduledExecutorService timer) {
        execute(sql, Duration.ofSeconds(5), 0, timer);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // closing a broken connection: nothing left to release
        }
    }

    private static final class Collector extends ResultHandlerBase {
        private final int maxNotices;
        private final List<SQLWarning> notices = new ArrayList<>();
        private long moreNotices;
        private Field[] fields;
        private List<Tuple> tuples;
        private String tag;

        Collector(int maxNotices) {
            this.maxNotices = maxNotices;
        }

        @Override
        public void handleResultRows(Query fromQuery, Field[] fields, List<Tuple> tuples, ResultCursor cursor) {
            this.fields = fields;
            this.tuples = tuples;
        }

        @Override
        public void handleCommandStatus(String status, long updateCount, long insertOID) {
            this.tag = status;
        }

        @Override
        public void handleWarning(SQLWarning warning) {
            if (notices.size() < maxNotices) {
                notices.add(warning);
            } else {
                moreNotices++;
            }
        }
    }

    static String severity(SQLWarning warning) {
        if (warning instanceof PSQLWarning psql
                && psql.getServerErrorMessage() != null
                && psql.getServerErrorMessage().getSeverity() != null) {
            return psql.getServerErrorMessage().getSeverity();
        }
        return "NOTICE";
    }

    static String message(SQLWarning warning) {
        if (warning instanceof PSQLWarning psql
                && psql.getServerErrorMessage() != null
                && psql.getServerErrorMessage().getMessage() != null) {
            return psql.getServerErrorMessage().getMessage();
        }
        return warning.getMessage();
    }
}
