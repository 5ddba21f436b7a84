package org.netverks.lab.run;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.netverks.lab.shared.DisplaySettings;

/**
 * One session of a two-session lab, or of a timeline being graded: a connection whose
 * transactions span runs, running one script at a time on a worker thread of its own, so that a
 * statement waiting for a lock the other session holds does not hold the request that started it.
 *
 * <p>A watcher looks at every session with a statement under way every {@value #WATCH_EVERY_MS} ms
 * and asks the server (through {@link Blockers}, the admin's view) which backends it waits for.
 * It also keeps the lab's time limits: a statement that works (does not wait) for longer than the
 * statement time limit is cancelled, as in a one-session run; a statement that waits is bounded by
 * the longer lock wait limit, the connection's own timer, which no learner setting can raise.
 */
public final class ConcurrentSession implements AutoCloseable {

    static final long WATCH_EVERY_MS = 100;

    /** Which backends the backend {@code pid} waits for (PostgreSQL's {@code pg_blocking_pids}). */
    @FunctionalInterface
    public interface Blockers {
        List<Integer> of(int pid) throws SQLException;
    }

    /** Why the lab cancelled the statement under way. */
    private enum Cancelled {
        BY_LEARNER,
        WORK_LIMIT
    }

    /** What a session is doing, as the page shows it. */
    public record State(String name, String state, Instant transactionStart, String isolationLevel, String blockedBy) {}

    /**
     * What a session produced since it was last asked: results and messages (each given out once),
     * whether its run is over, and whom its statement waits for (null: nobody).
     */
    public record Batch(
            List<StatementResult> results,
            List<String> messages,
            boolean done,
            String blockedBy,
            DisplaySettings settings) {}

    private static final Set<ConcurrentSession> WATCHED = ConcurrentHashMap.newKeySet();

    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "lab-session");
        thread.setDaemon(true);
        return thread;
    });

    static {
        ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "lab-session-watch");
            thread.setDaemon(true);
            return thread;
        });
        watcher.scheduleWithFixedDelay(
                () -> WATCHED.forEach(ConcurrentSession::watch), WATCH_EVERY_MS, WATCH_EVERY_MS, TimeUnit.MILLISECONDS);
    }

    private final String name;
    private final SandboxConnection connection;
    private final ScriptRunner runner;
    private final Blockers blockers;
    private final IntFunction<String> nameOfBackend;
    private final Duration workLimit;
    private final int pid;

    // guarded by this
    private boolean running;
    private final List<StatementResult> outbox = new ArrayList<>();
    private final List<String> messages = new ArrayList<>();
    private DisplaySettings settings;
    private Instant transactionStart;
    private String isolationLevel;
    private boolean waitedThisStatement;
    private Cancelled cancelled;
    private StatementResult.Source current;

    private volatile String blockedBy;
    /** When the statement under way started (nanoTime), 0 when none is. */
    private volatile long statementStart;
    /** When the statement was last seen waiting (nanoTime). */
    private volatile long lastSeenWaiting;

    private volatile long lastUsed = System.nanoTime();

    /**
     * @param name          "a" or "b", as the page and the feedback name it
     * @param nameOfBackend the name of a backend another session waits for: "a", "b", or "other"
     * @param workLimit     the lab's statement time limit, for a statement that does not wait
     */
    public ConcurrentSession(
            String name,
            SandboxConnection connection,
            ScriptRunner runner,
            Blockers blockers,
            IntFunction<String> nameOfBackend,
            Duration workLimit,
            DisplaySettings settings) {
        this.name = name;
        this.connection = connection;
        this.runner = runner;
        this.blockers = blockers;
        this.nameOfBackend = nameOfBackend;
        this.workLimit = workLimit;
        this.settings = settings;
        this.pid = connection.backendPid();
        this.isolationLevel = connection.isolationLevel().orElse("read committed");
        WATCHED.add(this);
    }

    public String name() {
        return name;
    }

    public int pid() {
        return pid;
    }

    public SandboxConnection connection() {
        return connection;
    }

    public long nanosSinceUsed() {
        return System.nanoTime() - lastUsed;
    }

    public synchronized boolean busy() {
        return running;
    }

    /**
     * Starts {@code script} on the worker; {@code limits}' statement time limit is the lock wait
     * limit here. False when a run is still under way (nothing is started).
     */
    public synchronized boolean start(String script, DisplaySettings runSettings, RunLimits limits) {
        if (running) {
            return false;
        }
        running = true;
        lastUsed = System.nanoTime();
        WORKERS.execute(() -> run(script, runSettings, limits));
        return true;
    }

    private void run(String script, DisplaySettings runSettings, RunLimits limits) {
        ScriptRunner.ScriptResult done = null;
        try {
            done = runner.runScript(script, connection, runSettings, limits, new Watching(), true);
        } finally {
            String level = connection.isolationLevel().orElse(null);
            synchronized (this) {
                if (done != null) {
                    messages.addAll(done.messages());
                    settings = done.settings();
                }
                if (level != null) {
                    isolationLevel = level;
                }
                noteTransaction();
                running = false;
                lastUsed = System.nanoTime();
                notifyAll();
            }
        }
    }

    /** Keeps the session's picture up to date statement by statement. */
    private final class Watching implements ScriptRunner.Listener {
        @Override
        public void started(int offset, int length) {
            synchronized (ConcurrentSession.this) {
                current = new StatementResult.Source(offset, length, List.of(), 0, 0, false);
                waitedThisStatement = false;
                cancelled = null;
                blockedBy = null;
                lastSeenWaiting = 0;
                statementStart = System.nanoTime();
            }
        }

        @Override
        public void finished(StatementResult result) {
            synchronized (ConcurrentSession.this) {
                statementStart = 0;
                blockedBy = null;
                outbox.add(inWords(result));
                noteTransaction();
                ConcurrentSession.this.notifyAll();
            }
        }
    }

    /** A statement the lab stopped, in the words of the limit (or the learner's cancel) that stopped it. */
    private StatementResult inWords(StatementResult result) {
        if (!(result instanceof StatementResult.Error error)) {
            return result;
        }
        if (cancelled == Cancelled.WORK_LIMIT && "57014".equals(error.sqlstate())) {
            return stopped(
                    error,
                    "Stopped after " + Step.seconds(workLimit) + ": a statement may run for at most "
                            + Step.seconds(workLimit) + " in the lab (statement time limit).",
                    "Make the query cheaper, or work on fewer rows.",
                    "statement time limit");
        }
        if (cancelled == Cancelled.BY_LEARNER && "57014".equals(error.sqlstate())) {
            return stopped(error, "Cancelled: you stopped this statement.", null, null);
        }
        if (waitedThisStatement && error.limit() != null && error.limit().endsWith("time limit")) {
            return stopped(
                    error,
                    "Stopped: the statement waited for a lock for as long as the lab lets a statement wait "
                            + "(lock wait limit).",
                    "End the other session's transaction (COMMIT or ROLLBACK) sooner, or use NOWAIT or lock_timeout "
                            + "to give up at once.",
                    "lock wait limit");
        }
        return result;
    }

    private static StatementResult stopped(StatementResult.Error error, String message, String hint, String limit) {
        return new StatementResult.Error(error.source(), "57014", message, null, hint, null, null, null, limit);
    }

    private void noteTransaction() {
        boolean open = connection.usable() && connection.inTransaction();
        if (open && transactionStart == null) {
            transactionStart = Instant.now();
        } else if (!open) {
            transactionStart = null;
        }
    }

    /**
     * Waits up to {@code most} for the run to end or a statement to wait for a lock, then gives
     * out what was produced meanwhile.
     */
    public synchronized Batch await(Duration most) {
        long deadline = System.nanoTime() + most.toNanos();
        try {
            long left;
            while (running && blockedBy == null && (left = deadline - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return drain();
    }

    /** Waits up to {@code most} for the run under way to end, whether or not a statement waits; gives out nothing. */
    public synchronized void awaitDone(Duration most) {
        long deadline = System.nanoTime() + most.toNanos();
        try {
            long left;
            while (running && (left = deadline - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What was produced since last asked, without waiting. */
    public synchronized Batch drain() {
        Batch batch = new Batch(List.copyOf(outbox), List.copyOf(messages), !running, blockedBy, settings);
        outbox.clear();
        messages.clear();
        return batch;
    }

    /** Where the statement under way (or the last one) sits in its script. */
    public synchronized StatementResult.Source waitingSource() {
        return current;
    }

    public synchronized State state() {
        String state;
        if (running) {
            state = blockedBy != null ? "waiting" : "running";
        } else if (!connection.usable()) {
            state = "closed";
        } else if (connection.transactionFailed()) {
            state = "in failed transaction";
        } else if (connection.inTransaction()) {
            state = "in transaction";
        } else {
            state = "idle";
        }
        return new State(name, state, transactionStart, isolationLevel, running ? blockedBy : null);
    }

    /** When the open transaction began (as the lab saw it), null when none is open. */
    public synchronized Instant transactionStart() {
        return transactionStart;
    }

    /** Cancels the statement under way at the learner's request; false when none is. */
    public synchronized boolean cancel() {
        if (statementStart == 0) {
            return false;
        }
        cancelled = Cancelled.BY_LEARNER;
        connection.cancelRunning();
        return true;
    }

    /**
     * Rolls back a transaction left open (idle) longer than {@code most}, saying so; true when it
     * did. A session with a run under way is left alone: its statement is bounded already.
     */
    public synchronized boolean endTransactionOpenLongerThan(Duration most, String limitWords) {
        if (running
                || transactionStart == null
                || Duration.between(transactionStart, Instant.now()).compareTo(most) < 0) {
            return false;
        }
        connection.runQuietly("rollback");
        transactionStart = null;
        messages.add(limitWords);
        return true;
    }

    /** One look by the watcher: whom the statement waits for, and the statement time limit for one that works. */
    private void watch() {
        long started = statementStart;
        long now = System.nanoTime();
        if (started == 0 || now - started < TimeUnit.MILLISECONDS.toNanos(WATCH_EVERY_MS / 2)) {
            return;
        }
        String waitsFor;
        try {
            List<Integer> pids = blockers.of(pid);
            waitsFor = pids.isEmpty() ? null : nameOfBackend.apply(pids.get(0));
        } catch (SQLException e) {
            return; // the server cannot say now; look again next time
        }
        synchronized (this) {
            if (statementStart != started) {
                return; // that statement is over
            }
            if (waitsFor != null) {
                waitedThisStatement = true;
                lastSeenWaiting = now;
            }
            if (!java.util.Objects.equals(blockedBy, waitsFor)) {
                blockedBy = waitsFor;
                notifyAll();
            }
            long workingSince = Math.max(started, lastSeenWaiting);
            if (waitsFor == null && cancelled == null && now - workingSince > workLimit.toNanos()) {
                cancelled = Cancelled.WORK_LIMIT;
                connection.cancelRunning();
            }
        }
    }

    /** Ends the session: a statement under way is cancelled, an open transaction rolled back by the server. */
    @Override
    public void close() {
        WATCHED.remove(this);
        boolean busy;
        synchronized (this) {
            busy = running;
        }
        if (busy) {
            connection.abort(); // the backend rolls back and ends; the worker's statement fails
        } else {
            connection.close();
        }
    }
}
