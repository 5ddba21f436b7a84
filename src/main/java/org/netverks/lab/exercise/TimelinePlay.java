package org.netverks.lab.exercise;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.netverks.content.Timeline;
import org.netverks.lab.run.ConcurrentSession;
import org.netverks.lab.run.RunLimits;
import org.netverks.lab.run.SandboxConnection;
import org.netverks.lab.run.ScriptRunner;
import org.netverks.lab.run.StatementResult;
import org.netverks.lab.sandbox.ScratchDatabases;
import org.netverks.lab.shared.DisplaySettings;

/**
 * One timeline played on a fresh copy with two sessions, A and B, as the learner's role: the steps
 * run in order, each as soon as the one before it completed or was seen waiting for a lock, and
 * each step's outcome is held against its expectation ({@code expect}, and {@code then} for one
 * that waited). Then both sessions end (open transactions roll back) and the check query reads the
 * data on a third connection.
 */
final class TimelinePlay {

    /** A step that waited has this long to be released once the timeline needs its session again, or ends. */
    private static final Duration RELEASE_WAIT = Duration.ofSeconds(3);

    /** What a step did: completed, waits (for whom), or failed (its first error). */
    record Outcome(Timeline.Outcome kind, String blockedBy, StatementResult.Error error) {

        static Outcome of(List<StatementResult> results, boolean done, String blockedBy) {
            Optional<StatementResult.Error> error = results.stream()
                    .filter(StatementResult.Error.class::isInstance)
                    .map(StatementResult.Error.class::cast)
                    .findFirst();
            if (error.isPresent()) {
                return new Outcome(Timeline.Outcome.FAILS, null, error.get());
            }
            return done
                    ? new Outcome(Timeline.Outcome.COMPLETES, null, null)
                    : new Outcome(Timeline.Outcome.WAITS, blockedBy, null);
        }
    }

    /** The first expectation the timeline broke (null: none), and the check query's result when all held. */
    record Played(Feedback broken, Attempt check) {}

    private final ScriptRunner runner;
    private final ScratchDatabases scratches;
    private final RunLimits limits;
    private final Duration workLimit;

    TimelinePlay(ScriptRunner runner, ScratchDatabases scratches, RunLimits sessionLimits, Duration workLimit) {
        this.runner = runner;
        this.scratches = scratches;
        this.limits = sessionLimits;
        this.workLimit = workLimit;
    }

    Played play(ScratchDatabases.Scratch scratch, List<Timeline.Step> steps, String checkQuery) throws SQLException {
        Map<String, ConcurrentSession> sessions = new HashMap<>();
        try {
            for (String name : List.of("a", "b")) {
                sessions.put(name, open(scratch, name, sessions));
            }
            Feedback broken = run(steps, sessions);
            if (broken != null) {
                return new Played(broken, null);
            }
        } finally {
            sessions.values().forEach(ConcurrentSession::close);
        }
        return new Played(null, Attempt.tryAnswer(runner, scratches, scratch, checkQuery, null, false, limits));
    }

    private ConcurrentSession open(
            ScratchDatabases.Scratch scratch, String name, Map<String, ConcurrentSession> sessions)
            throws SQLException {
        var sandbox = scratch.sandbox();
        SandboxConnection connection = SandboxConnection.open(
                scratch.server().host(),
                scratch.server().port(),
                sandbox.database(),
                sandbox.role(),
                sandbox.password(),
                limits.maxResultBytes(),
                () -> scratches.repairRole(scratch));
        return new ConcurrentSession(
                name,
                connection,
                runner,
                pid -> scratches.blockers(scratch, pid),
                pid -> sessions.values().stream()
                        .filter(session -> session.pid() == pid)
                        .map(ConcurrentSession::name)
                        .findFirst()
                        .orElse("other"),
                workLimit,
                DisplaySettings.DEFAULT);
    }

    /** Runs the steps; the first broken expectation, or null. */
    private Feedback run(List<Timeline.Step> steps, Map<String, ConcurrentSession> sessions) {
        Map<String, Timeline.Step> waiting = new HashMap<>();
        Map<String, List<StatementResult>> waitingResults = new HashMap<>();
        for (Timeline.Step step : steps) {
            ConcurrentSession session = sessions.get(step.session());
            Timeline.Step earlier = waiting.remove(step.session());
            if (earlier != null) {
                Feedback released = released(earlier, session, waitingResults.remove(step.session()));
                if (released != null) {
                    return released;
                }
                if (session.busy()) {
                    return TimelineFeedback.stillWaiting(earlier, step);
                }
            }
            session.start(step.sql(), DisplaySettings.DEFAULT, limits);
            ConcurrentSession.Batch batch =
                    session.await(limits.statementTimeout().plus(RELEASE_WAIT));
            Outcome outcome = Outcome.of(batch.results(), batch.done(), batch.blockedBy());
            Feedback broken = TimelineFeedback.check(step, step.expect(), outcome, false);
            if (broken != null) {
                return broken;
            }
            if (outcome.kind() == Timeline.Outcome.WAITS) {
                waiting.put(step.session(), step);
                waitingResults.put(step.session(), new ArrayList<>(batch.results()));
            }
        }
        for (Map.Entry<String, Timeline.Step> left : waiting.entrySet()) {
            ConcurrentSession session = sessions.get(left.getKey());
            Feedback released = released(left.getValue(), session, waitingResults.get(left.getKey()));
            if (released != null) {
                return released;
            }
            if (session.busy()) {
                return TimelineFeedback.stillWaitingAtTheEnd(left.getValue());
            }
        }
        return null;
    }

    /** A step that waited, once released: what it did, held against its {@code then}. */
    private Feedback released(Timeline.Step step, ConcurrentSession session, List<StatementResult> before) {
        List<StatementResult> results = new ArrayList<>(before);
        long deadline = System.nanoTime() + RELEASE_WAIT.toNanos();
        ConcurrentSession.Batch batch;
        while (true) {
            batch = session.await(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            results.addAll(batch.results());
            if (batch.done() || System.nanoTime() >= deadline) {
                break;
            }
            pause(); // still waiting for its lock: await returns at once, so look again shortly
        }
        if (!batch.done()) {
            return null; // the caller says it is still waiting
        }
        return TimelineFeedback.check(step, step.then(), Outcome.of(results, true, null), true);
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
