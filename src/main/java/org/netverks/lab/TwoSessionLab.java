package org.netverks.lab;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.netverks.content.ContentCatalog;
import org.netverks.content.Dataset;
import org.netverks.lab.LabService.RunResponse;
import org.netverks.lab.LabService.Visitor;
import org.netverks.lab.run.ConcurrentSession;
import org.netverks.lab.run.StatementResult;
import org.netverks.lab.sandbox.Sandbox;
import org.netverks.lab.sandbox.SandboxActivity;
import org.netverks.lab.sandbox.SandboxService;
import org.netverks.web.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * The two-session lab's use cases: a run in session A or B (whose transactions span runs), both
 * sessions' state and results since the last call, cancelling a waiting statement, and the lock
 * and activity panel. The sessions themselves are {@link LabSessions}'.
 */
@Service
class TwoSessionLab {

    /** How long a run's answer waits for the other session's released statement to finish. */
    private static final Duration RELEASED_WAIT = Duration.ofMillis(250);

    private final ContentCatalog catalog;
    private final SandboxService sandboxes;
    private final LabSessions sessions;
    private final OpenConnections connections;
    private final SandboxActivity activity;
    private final LabProperties properties;
    private final LabMetrics metrics;

    TwoSessionLab(
            ContentCatalog catalog,
            SandboxService sandboxes,
            LabSessions sessions,
            OpenConnections connections,
            SandboxActivity activity,
            LabProperties properties,
            LabMetrics metrics) {
        this.catalog = catalog;
        this.sandboxes = sandboxes;
        this.sessions = sessions;
        this.connections = connections;
        this.activity = activity;
        this.properties = properties;
        this.metrics = metrics;
    }

    /**
     * A run in a session of the two-session lab: started on the session's worker, answered when it
     * ends or as soon as a statement waits for a lock (the rest arrives with {@link #sessions}).
     */
    RunResponse run(String trackSlug, String lessonSlug, String sql, String name, Visitor visitor) throws SQLException {
        Dataset dataset = LabLessons.datasetOf(catalog.current(), trackSlug, lessonSlug);
        LabRefusal.requireSqlWithin(sql, properties, "run");
        Sandbox sandbox = sandboxes.sandboxFor(visitor.learnerKey(), dataset, visitor.client());
        // a sandbox the disk quota guard closed refuses the session's log-in, which OpenConnections names
        ConcurrentSession session = sessions.session(sandbox, sandboxes.server(sandbox), name, visitor.settings());
        if (!session.start(sql, visitor.settings(), properties.sessionRunLimits())) {
            ConcurrentSession.State state = session.state();
            throw new LabRefusal(
                    LabRefusal.Kind.RUN_IN_PROGRESS,
                    "Session " + label(name) + " is still "
                            + (state.blockedBy() != null
                                    ? "waiting for a lock held by " + who(state.blockedBy())
                                            + ". End that transaction (COMMIT or ROLLBACK) or cancel the wait, then run again."
                                    : "running your previous statements. Wait for them to finish, then run again."));
        }
        ConcurrentSession.Batch batch = session.await(properties.runTimeout());
        if (batch.done()) {
            awaitReleased(sandbox, name);
        }
        List<StatementResult> results = new ArrayList<>(batch.results());
        if (!batch.done()) {
            results.add(new StatementResult.Waiting(session.waitingSource(), batch.blockedBy()));
        }
        return new RunResponse(
                results,
                batch.messages(),
                batch.done() ? batch.settings() : visitor.settings(),
                sandbox.database(),
                name,
                session.state());
    }

    /**
     * A run that ended (a COMMIT, say) may have released the other session's waiting statement:
     * the answer waits a moment for that statement to finish, so that the page, which asks for
     * the other session's results as soon as this answer arrives, finds them there.
     */
    private void awaitReleased(Sandbox sandbox, String name) {
        String other = "a".equals(name) ? "b" : "a";
        sessions.pair(sandbox.id()).flatMap(pair -> pair.session(other)).ifPresent(session -> {
            if (session.busy()) {
                session.awaitDone(RELEASED_WAIT);
            }
        });
    }

    /** The page's name for a session: "A", "B", or the learner's other connection. */
    private static String label(String name) {
        return name.toUpperCase(java.util.Locale.ROOT);
    }

    private static String who(String name) {
        return "other".equals(name) ? "another connection of yours (your own psql?)" : "session " + label(name);
    }

    /** A session as {@code GET …/sessions} gives it: its state and what it produced since the last call. */
    public record SessionView(
            String name,
            String state,
            java.time.Instant transactionStart,
            String isolationLevel,
            String blockedBy,
            List<StatementResult> pending,
            List<String> messages) {}

    public record SessionsView(List<SessionView> sessions) {}

    /** Both sessions of the learner's two-session lab, with what finished since the last call. */
    SessionsView sessions(String trackSlug, String lessonSlug, Visitor visitor) {
        Optional<LabSessions.Pair> pair = currentPair(trackSlug, lessonSlug, visitor);
        List<SessionView> views = new ArrayList<>();
        for (String name : LabSessions.NAMES) {
            Optional<ConcurrentSession> session = pair.flatMap(p -> p.session(name));
            List<String> leftOver = pair.map(p -> p.takeLeftOver(name)).orElse(List.of());
            if (session.isEmpty()) {
                views.add(new SessionView(name, "idle", null, "read committed", null, List.of(), leftOver));
                continue;
            }
            ConcurrentSession.Batch batch = session.get().drain();
            metrics.limitsIn(batch.results()); // a run's own answer counted those it had by then
            ConcurrentSession.State state = session.get().state();
            List<String> messages = new ArrayList<>(leftOver);
            messages.addAll(batch.messages());
            views.add(new SessionView(
                    name,
                    state.state(),
                    state.transactionStart(),
                    state.isolationLevel(),
                    state.blockedBy(),
                    batch.results(),
                    messages));
        }
        return new SessionsView(views);
    }

    /** Cancels what session {@code name} is running (a statement waiting for a lock, usually). */
    boolean cancel(String trackSlug, String lessonSlug, String name, Visitor visitor) {
        if (!LabSessions.NAMES.contains(name)) {
            throw new NotFoundException("The lab has sessions a and b, not '" + name + "'.");
        }
        return currentPair(trackSlug, lessonSlug, visitor)
                .flatMap(pair -> pair.session(name))
                .map(ConcurrentSession::cancel)
                .orElse(false);
    }

    /** One of the learner's backends, named as the page names it: "a", "b", or "other". */
    public record BackendView(
            String session,
            int pid,
            String state,
            java.time.Instant transactionStart,
            List<String> waitingFor,
            String xid,
            String xmin,
            String query) {}

    public record LockView(
            String session,
            int pid,
            String lockType,
            String relation,
            String mode,
            boolean granted,
            Integer page,
            Integer tuple,
            String transactionId) {}

    public record LocksView(List<BackendView> backends, List<LockView> locks) {}

    /**
     * The lock and activity panel: the learner's own backends in their sandbox and their locks,
     * read on the admin's side and filtered to the sandbox's role and database.
     */
    LocksView locks(String trackSlug, String lessonSlug, Visitor visitor) throws SQLException {
        Sandbox sandbox = sandboxes.sandboxFor(
                visitor.learnerKey(), LabLessons.datasetOf(catalog.current(), trackSlug, lessonSlug), visitor.client());
        Optional<LabSessions.Pair> pair = sessions.pair(sandbox.id());
        java.util.function.IntFunction<String> names =
                pid -> pair.map(p -> p.nameOf(pid)).orElse("other");
        SandboxActivity.Report report = activity.report(sandbox);
        // the one-session lab's connection (its runs, the schema panel's catalog reads) holds no
        // lock between runs: the panel shows the learner's sessions and their own clients
        java.util.OptionalInt lab = connections.backendPid(sandbox.id());
        List<BackendView> backends = report.backends().stream()
                .filter(b -> lab.isEmpty() || b.pid() != lab.getAsInt())
                .map(b -> new BackendView(
                        names.apply(b.pid()),
                        b.pid(),
                        b.state(),
                        b.transactionStart(),
                        b.waitingFor().stream().map(names::apply).toList(),
                        b.xid(),
                        b.xmin(),
                        statementOf(pair, b.pid()).orElse(b.query())))
                .toList();
        List<LockView> locks = report.locks().stream()
                .filter(l -> lab.isEmpty() || l.pid() != lab.getAsInt())
                .map(l -> new LockView(
                        names.apply(l.pid()),
                        l.pid(),
                        l.lockType(),
                        l.relation(),
                        l.mode(),
                        l.granted(),
                        l.page(),
                        l.tuple(),
                        l.transactionId()))
                .toList();
        return new LocksView(backends, locks);
    }

    /** What a session of the pair last ran, as the learner typed it. */
    private static Optional<String> statementOf(Optional<LabSessions.Pair> pair, int pid) {
        return pair.flatMap(p -> LabSessions.NAMES.stream()
                .map(p::session)
                .flatMap(Optional::stream)
                .filter(session -> session.pid() == pid)
                .findFirst()
                .map(ConcurrentSession::lastStatement));
    }

    private Optional<LabSessions.Pair> currentPair(String trackSlug, String lessonSlug, Visitor visitor) {
        Sandbox sandbox = sandboxes.sandboxFor(
                visitor.learnerKey(), LabLessons.datasetOf(catalog.current(), trackSlug, lessonSlug), visitor.client());
        return sessions.pair(sandbox.id());
    }
}
