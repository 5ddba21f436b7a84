package org.netverks.lab.run;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.netverks.lab.shared.QueryRows;
import org.postgresql.PGStatement;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.Field;
import org.postgresql.core.Query;
import org.postgresql.core.QueryExecutor;
import org.postgresql.core.ResultCursor;
import org.postgresql.core.ResultHandlerBase;
import org.postgresql.core.TransactionState;
import org.postgresql.core.Tuple;
import org.postgresql.util.PSQLWarning;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection to a sandbox, logged in as the sandbox's own role. Everything sent on it goes
 * through this class and is bounded by the lab's timer (a cancel at the time limit, the connection
 * dropped if that does not stop it): the learner's statements ({@link #execute}) and the lab's own
 * queries ({@link #query}: psql's catalog listings, the schema panel, the size check). So a learner
 * who lifts their own {@code statement_timeout} unbounds nothing. The JDBC connection and the
 * driver's internal types never leave this class.
 *
 * <p>Learner statements go through pgjdbc's query executor in simple-query mode, the way psql sends
 * them: values arrive as PostgreSQL's own text, the real command tag is kept, and notices are
 * counted rather than hoarded (100,000 of them took 370 MB through the JDBC API).
 */
public final class SandboxConnection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SandboxConnection.class);

    private static final String INVALID_PASSWORD = "28P01";

    /** After a cancel the server has this long to stop the statement before the connection is dropped. */
    private static final long ABORT_AFTER_CANCEL_MILLIS = 3000;

    /** One thread sends every sandbox connection's cancels and aborts; each is quick. */
    private static final ScheduledExecutorService TIMER = Executors.newScheduledThreadPool(1, runnable -> {
        Thread thread = new Thread(runnable, "lab-timeouts");
        thread.setDaemon(true);
        return thread;
    });

    private final BaseConnection connection;
    private final String database;
    private final String user;
    private final int port;
    /** The sandbox's size as last measured through this connection; -1 before the first measurement. */
    private long sizeBytes = -1;

    private long sizeCheckedNanos;

    private SandboxConnection(BaseConnection connection, String database, String user, int port) {
        this.connection = connection;
        this.database = database;
        this.user = user;
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
     * to a shared read-only copy's every check) are removed before the connection is used.
     */
    public static SandboxConnection open(
            String host,
            int port,
            String database,
            String user,
            String password,
            long maxResultBytes,
            RoleRepair repair)
            throws SQLException {
        SandboxConnection opened;
        try {
            opened = connect(host, port, database, user, password, maxResultBytes);
        } catch (SQLException e) {
            if (!INVALID_PASSWORD.equals(e.getSQLState())) {
                throw e;
            }
            log.info("The password of sandbox role {} was changed from inside: putting the recorded one back", user);
            repair.repair();
            return connect(host, port, database, user, password, maxResultBytes);
        }
        if (opened.hasRoleSettings()) {
            log.info("Sandbox role {} has settings of its own (ALTER ROLE … SET): removing them", user);
            opened.close();
            repair.repair();
            opened = connect(host, port, database, user, password, maxResultBytes);
        }
        return opened;
    }

    private static SandboxConnection connect(
            String host, int port, String database, String user, String password, long maxResultBytes)
            throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("ApplicationName", "netverks-lab");
        properties.setProperty("maxResultBuffer", Long.toString(maxResultBytes));
        properties.setProperty("connectTimeout", "2"); // a server that is away is reported at once
        // The driver then sends its settings in the start-up packet instead of running SET
        // application_name after logging in. Such a SET runs under the role's own settings, which
        // the learner may have made (statement_timeout = '1ms'), and would fail the log-in before
        // the lab could put the role back.
        properties.setProperty("assumeMinServerVersion", "15");
        properties.setProperty("tcpKeepAlive", "true");
        Connection connection =
                DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + database, properties);
        return new SandboxConnection(connection.unwrap(BaseConnection.class), database, user, port);
    }

    /**
     * Whether this connection started with settings made by ALTER ROLE (the lab puts its own on the
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

    public String database() {
        return database;
    }

    public String user() {
        return user;
    }

    public int port() {
        return port;
    }

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

    /** Whether a transaction is open (or failed and not yet ended) on this connection. */
    public boolean inTransaction() {
        return connection.getTransactionState() != TransactionState.IDLE;
    }

    /** Whether the open transaction failed: every statement is refused until it ends. */
    public boolean transactionFailed() {
        return connection.getTransactionState() == TransactionState.FAILED;
    }

    /** The process id of this connection's backend on the sandbox server. */
    public int backendPid() {
        return connection.getQueryExecutor().getBackendPID();
    }

    /**
     * Asks the server to cancel what runs on this connection now (from another thread; a cancel
     * arriving after the statement ended is ignored by the server unless another one has begun).
     */
    public void cancelRunning() {
        try {
            connection.getQueryExecutor().sendQueryCancel();
        } catch (SQLException e) {
            // the lab's own time limit still ends the statement
        }
    }

    /**
     * The isolation level of the open transaction, or the default for the next one, as SHOW
     * prints it ("read committed"); empty when the connection cannot say (a failed transaction).
     * SHOW takes no snapshot, so asking does not change what a REPEATABLE READ transaction sees.
     */
    public Optional<String> isolationLevel() {
        if (!usable() || transactionFailed()) {
            return Optional.empty();
        }
        Execution execution = execute("show transaction_isolation", Duration.ofSeconds(5), 0);
        return execution.error() == null ? execution.firstColumnJoined() : Optional.empty();
    }

    /**
     * Raises the sandbox database's defaults for this connection's session, which bound the
     * learner's own clients: a session of a two-session lab keeps its transaction open between runs
     * and may wait for a lock longer than a statement may run. The lab bounds both itself (its
     * timer and its transaction limit); these are the server's backstops just above them.
     */
    public void raiseServerTimeouts(Duration statement, Duration idleInTransaction) {
        execute(
                "set statement_timeout = " + statement.toMillis() + "; set idle_in_transaction_session_timeout = "
                        + idleInTransaction.toMillis(),
                Duration.ofSeconds(5),
                0);
    }

    /** A query the lab ran was stopped by the lab's time limit (cancelled, or its connection dropped). */
    public static final class TimedOut extends SQLException {

        private final Duration timeout;

        TimedOut(Duration timeout, SQLException cause) {
            super("The query was stopped after " + timeout.toMillis() + " ms by the lab's time limit.", "57014", cause);
            this.timeout = timeout;
        }

        public Duration timeout() {
            return timeout;
        }
    }

    /**
     * A query of the lab's own (psql's catalog listings, the schema panel, the size check), with
     * every value from the learner bound as a parameter ({@code String} or {@code Long}). It runs
     * under the same timer as a learner's statement and the connection's result-size cap; a
     * statement without rows (SAVEPOINT) gives no columns.
     *
     * @throws TimedOut when the lab's timer stopped it after {@code timeout}
     */
    public QueryRows query(String sql, List<?> parameters, Duration timeout) throws SQLException {
        try (Bound bound = new Bound(timeout)) {
            try {
                return read(sql, parameters);
            } catch (SQLException e) {
                if (bound.timedOut) {
                    throw new TimedOut(timeout, e);
                }
                throw e;
            }
        }
    }

    private QueryRows read(String sql, List<?> parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            // Unnamed statements keep every value in the server's text form, which is what psql shows.
            statement.unwrap(PGStatement.class).setPrepareThreshold(0);
            for (int i = 0; i < parameters.size(); i++) {
                Object parameter = parameters.get(i);
                if (parameter instanceof Long number) {
                    statement.setLong(i + 1, number);
                } else {
                    statement.setString(i + 1, (String) parameter);
                }
            }
            if (!statement.execute()) {
                return new QueryRows(List.of(), List.of());
            }
            try (ResultSet results = statement.getResultSet()) {
                ResultSetMetaData meta = results.getMetaData();
                List<QueryRows.Column> columns = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    columns.add(new QueryRows.Column(meta.getColumnLabel(i), meta.getColumnTypeName(i)));
                }
                List<List<String>> rows = new ArrayList<>();
                while (results.next()) {
                    List<String> row = new ArrayList<>(columns.size());
                    for (int i = 1; i <= columns.size(); i++) {
                        row.add(results.getString(i));
                    }
                    rows.add(row);
                }
                return new QueryRows(columns, rows);
            }
        }
    }

    /**
     * Runs one statement of the learner's in simple-query mode. After {@code timeout} the server is
     * asked to cancel it; if it has not stopped a few seconds later the connection is dropped, which
     * ends the backend for sure.
     */
    Execution execute(String sql, Duration timeout, int maxNotices) {
        Collector collector = new Collector(maxNotices);
        QueryExecutor executor = connection.getQueryExecutor();
        boolean timedOut;
        long start = System.nanoTime();
        try (Bound bound = new Bound(timeout)) {
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
            }
            bound.close();
            timedOut = bound.timedOut;
        }
        return new Execution(collector, timedOut, System.nanoTime() - start);
    }

    /**
     * What a COPY through the driver's copy API did: the rows it handled, the rows' text for
     * {@code TO STDOUT}, or the error; {@code tooLarge} when the output passed the result size limit.
     */
    record CopyRun(long rows, String text, SQLException error, boolean timedOut, boolean tooLarge, long nanos) {}

    /** {@code COPY … FROM stdin} with the rows the learner wrote below it, under the same time limit as a statement. */
    CopyRun copyIn(String sql, String data, Duration timeout) {
        long start = System.nanoTime();
        long rows = -1;
        SQLException error = null;
        Bound bound = new Bound(timeout);
        try {
            rows = connection.getCopyAPI().copyIn(sql, new java.io.StringReader(data));
        } catch (SQLException e) {
            error = e;
        } catch (java.io.IOException e) {
            error = new SQLException(e.getMessage(), "08000", e); // a StringReader does not fail
        } finally {
            bound.close();
        }
        return new CopyRun(rows, null, error, bound.timedOut, false, System.nanoTime() - start);
    }

    /** {@code COPY … TO STDOUT}: the rows as text, at most {@code maxBytes} of them, under a statement's time limit. */
    CopyRun copyOut(String sql, Duration timeout, long maxBytes) {
        long start = System.nanoTime();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        long rows = -1;
        boolean tooLarge = false;
        SQLException error = null;
        Bound bound = new Bound(timeout);
        try {
            org.postgresql.copy.CopyOut copy = connection.getCopyAPI().copyOut(sql);
            byte[] chunk;
            while ((chunk = copy.readFromCopy()) != null) {
                if (out.size() + chunk.length > maxBytes) {
                    tooLarge = true;
                    copy.cancelCopy();
                    break;
                }
                out.write(chunk, 0, chunk.length);
            }
            rows = copy.getHandledRowCount();
        } catch (SQLException e) {
            error = e;
        } finally {
            bound.close();
        }
        return new CopyRun(
                rows, out.toString(StandardCharsets.UTF_8), error, bound.timedOut, tooLarge, System.nanoTime() - start);
    }

    /** A statement run by the lab itself (rollback, clean-up), outside the learner's limits. */
    void runQuietly(String sql) {
        execute(sql, Duration.ofSeconds(5), 0);
    }

    /**
     * The lab's time limit on one round trip: a cancel at {@code timeout}, the connection dropped
     * a few seconds later. Closing it before then disarms both; a cancel already under way is
     * waited for, or it could hit the next statement.
     */
    private final class Bound implements AutoCloseable {
        private volatile boolean timedOut;
        private final ScheduledFuture<?> cancel;
        private final ScheduledFuture<?> abort;
        private boolean closed;

        Bound(Duration timeout) {
            QueryExecutor executor = connection.getQueryExecutor();
            cancel = TIMER.schedule(
                    () -> {
                        timedOut = true;
                        try {
                            executor.sendQueryCancel();
                        } catch (SQLException e) {
                            // the abort below still ends it
                        }
                    },
                    timeout.toMillis(),
                    TimeUnit.MILLISECONDS);
            abort = TIMER.schedule(
                    () -> {
                        try {
                            connection.abort(Runnable::run);
                        } catch (SQLException e) {
                            // already closed
                        }
                    },
                    timeout.toMillis() + ABORT_AFTER_CANCEL_MILLIS,
                    TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            abort.cancel(false);
            if (!cancel.cancel(false)) {
                awaitCancelSent();
            }
        }

        private void awaitCancelSent() {
            try {
                cancel.get(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // the request could not be sent; the statement ended anyway
            }
        }
    }

    /** What one statement of the learner's did on the server, decoded as the API shows it. */
    final class Execution {
        private final Field[] fields;
        private final List<Tuple> tuples;
        private final String tag;
        private final List<StatementResult.Notice> notices;
        private final long moreNotices;
        private final SQLException error;
        private final boolean timedOut;
        private final long nanos;

        private Execution(Collector collector, boolean timedOut, long nanos) {
            this.fields = collector.fields;
            this.tuples = collector.tuples == null ? List.of() : collector.tuples;
            this.tag = collector.tag;
            this.notices = collector.notices.stream()
                    .map(warning -> new StatementResult.Notice(severity(warning), message(warning)))
                    .toList();
            this.moreNotices = collector.moreNotices;
            this.error = collector.getException();
            this.timedOut = timedOut;
            this.nanos = nanos;
        }

        /** Whether the statement returned a result set (possibly of no rows). */
        boolean hasColumns() {
            return fields != null;
        }

        List<StatementResult.Column> columns() {
            List<StatementResult.Column> columns = new ArrayList<>();
            for (Field field : fields) {
                columns.add(new StatementResult.Column(
                        field.getColumnLabel(),
                        PgTypeNames.describe(field.getOID(), field.getMod(), SandboxConnection.this::typeNamed)));
            }
            return columns;
        }

        long rowCount() {
            return tuples.size();
        }

        /** The first {@code most} rows, every value as PostgreSQL's text (SQL NULL as null). */
        List<List<String>> rows(int most) {
            List<List<String>> rows = new ArrayList<>();
            for (Tuple tuple : tuples.subList(0, Math.min(tuples.size(), most))) {
                List<String> row = new ArrayList<>(fields.length);
                for (int c = 0; c < fields.length; c++) {
                    row.add(text(tuple.get(c)));
                }
                rows.add(row);
            }
            return rows;
        }

        /** The first column of every row joined (EXPLAIN's JSON comes in one or more rows); empty without rows. */
        Optional<String> firstColumnJoined() {
            if (tuples.isEmpty()) {
                return Optional.empty();
            }
            StringBuilder joined = new StringBuilder();
            tuples.forEach(tuple -> joined.append(text(tuple.get(0))));
            return Optional.of(joined.toString());
        }

        String tag() {
            return tag;
        }

        List<StatementResult.Notice> notices() {
            return notices;
        }

        long moreNotices() {
            return moreNotices;
        }

        SQLException error() {
            return error;
        }

        boolean timedOut() {
            return timedOut;
        }

        long nanos() {
            return nanos;
        }
    }

    /** The name of a type PgTypeNames does not know, from the driver's type cache; null if it cannot tell. */
    private String typeNamed(int oid) {
        try {
            return connection.getTypeInfo().getPGType(oid);
        } catch (SQLException e) {
            return null;
        }
    }

    /** Decodes a text-format value as PostgreSQL sent it. */
    private static String text(byte[] value) {
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    /** Drops the connection at once, from another thread, even while a statement runs on it. */
    public void abort() {
        try {
            connection.abort(Runnable::run);
        } catch (SQLException e) {
            // already closed
        }
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

    private static String severity(SQLWarning warning) {
        if (warning instanceof PSQLWarning psql
                && psql.getServerErrorMessage() != null
                && psql.getServerErrorMessage().getSeverity() != null) {
            return psql.getServerErrorMessage().getSeverity();
        }
        return "NOTICE";
    }

    private static String message(SQLWarning warning) {
        if (warning instanceof PSQLWarning psql
                && psql.getServerErrorMessage() != null
                && psql.getServerErrorMessage().getMessage() != null) {
            return psql.getServerErrorMessage().getMessage();
        }
        return warning.getMessage();
    }
}
