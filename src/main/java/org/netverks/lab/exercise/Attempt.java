package org.netverks.lab.exercise;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.netverks.lab.run.RunLimits;
import org.netverks.lab.run.SandboxConnection;
import org.netverks.lab.run.ScriptRunner;
import org.netverks.lab.run.SqlScript;
import org.netverks.lab.run.StatementResult;
import org.netverks.lab.sandbox.ScratchDatabases;
import org.netverks.lab.shared.DisplaySettings;

/**
 * One script run on a scratch copy, as its sandbox's own role and under the lab's limits, and
 * what grading needs of it: the result to compare (the last statement's, or the check query's
 * after the script), the plan of the last statement, and why there is nothing to compare when
 * something failed.
 */
record Attempt(
        ResultTable result, String planJson, List<Feedback> failures, List<Feedback> notes, boolean deniedAWrite) {

    /** What a role that may only read is told when a statement tries to change something. */
    private static final java.util.Set<String> WRITE_DENIED = java.util.Set.of("42501", "25006");

    boolean failed() {
        return !failures.isEmpty();
    }

    /** Runs the answer (and the check query, if any) on {@code scratch} and records what grading needs. */
    static Attempt tryAnswer(
            ScriptRunner runner,
            ScratchDatabases repairs,
            ScratchDatabases.Scratch scratch,
            String script,
            String checkQuery,
            boolean wantPlan,
            RunLimits limits)
            throws SQLException {
        try (SandboxConnection connection = connect(repairs, scratch, limits)) {
            Attempt attempt = new Attempt.Steps(runner, connection, limits).take(script, checkQuery, wantPlan);
            if (!connection.usable() && repairs.closedForQuota(scratch)) {
                return attempt.overQuota(limits.sandboxQuotaBytes());
            }
            return attempt;
        }
    }

    /** A connection to the copy as its own role, under the limits' result size cap. */
    static SandboxConnection connect(ScratchDatabases repairs, ScratchDatabases.Scratch scratch, RunLimits limits)
            throws SQLException {
        var sandbox = scratch.sandbox();
        return SandboxConnection.open(
                scratch.server().host(),
                scratch.server().port(),
                sandbox.database(),
                sandbox.role(),
                sandbox.password(),
                limits.maxResultBytes(),
                () -> repairs.repairRole(scratch));
    }

    /** The guard ended the copy's sessions for writing past the quota: say that, not what PostgreSQL said. */
    private Attempt overQuota(long quotaBytes) {
        return new Attempt(
                null,
                null,
                List.of(
                        Feedback.of(
                                "limit",
                                "Your answer went over the "
                                        + quotaBytes / (1024 * 1024)
                                        + " MB disk quota of the copy it was checked on, so the check was "
                                        + "stopped (disk quota). The task does not need that much data: write only what it asks for.")),
                notes,
                false);
    }

    /** The steps of one attempt on one connection, collecting failures and notes as they go. */
    private static final class Steps {
        private final ScriptRunner runner;
        private final SandboxConnection connection;
        private final RunLimits limits;
        private final List<Feedback> failures = new ArrayList<>();
        private final List<Feedback> notes = new ArrayList<>();
        private boolean deniedAWrite;

        Steps(ScriptRunner runner, SandboxConnection connection, RunLimits limits) {
            this.runner = runner;
            this.connection = connection;
            this.limits = limits;
        }

        Attempt take(String script, String checkQuery, boolean wantPlan) {
            List<SqlScript.Piece> pieces = SqlScript.split(script);
            ScriptRunner.ScriptResult outcome = runner.runScript(script, connection, DisplaySettings.DEFAULT, limits);
            List<StatementResult> statements = outcome.results().stream()
                    .filter(result -> !(result instanceof StatementResult.Meta))
                    .toList();
            boolean stoppedEarly = outcome.results().size() < pieces.size();
            for (String message : outcome.messages()) {
                (stoppedEarly ? failures : notes).add(Feedback.of(stoppedEarly ? "limit" : "note", message));
            }
            deniedAWrite = outcome.results().stream()
                    .anyMatch(result -> result instanceof StatementResult.Error error
                            && error.sqlstate() != null
                            && WRITE_DENIED.contains(error.sqlstate()));
            firstError(outcome.results(), script).ifPresent(failures::add);
            if (!failures.isEmpty()) {
                return done(null, null);
            }
            if (statements.isEmpty()) {
                failures.add(Feedback.of(
                        "no_result", "There is no SQL statement to grade: write the SQL the task asks for."));
                return done(null, null);
            }
            StatementResult last = statements.get(statements.size() - 1);
            String plan = null;
            if (wantPlan) {
                String statement = script.substring(
                        last.source().offset(),
                        last.source().offset() + last.source().length());
                Optional<String> json = runner.explainJson(connection, statement, limits.statementTimeout());
                if (json.isEmpty()) {
                    failures.add(Feedback.of(
                            "plan",
                            "The lab could not get the plan of your last statement: end your "
                                    + "answer with the query itself (not EXPLAIN, not a meta-command)."));
                    return done(null, null);
                }
                plan = json.get();
            }
            if (checkQuery != null) {
                return done(checkResult(checkQuery), plan);
            }
            return done(graded(last), plan);
        }

        private ResultTable graded(StatementResult last) {
            if (last instanceof StatementResult.Rows rows) {
                return ResultTable.of(rows);
            }
            if (last instanceof StatementResult.Plan) {
                failures.add(Feedback.of(
                        "no_result",
                        "Your last statement is an EXPLAIN, so it returns a plan, not the "
                                + "rows the task asks for. End with the query itself; Run shows its plan."));
            } else if (last instanceof StatementResult.Command command) {
                failures.add(Feedback.of(
                        "no_result",
                        "Your last statement is a command (" + command.tag()
                                + ") and returns no rows. End with the query that answers the task."));
            }
            return null;
        }

        /** The check query, after the script, in the same session: an unfinished transaction is rolled back first. */
        private ResultTable checkResult(String checkQuery) {
            runner.rollbackOpenTransaction(connection);
            ScriptRunner.ScriptResult check = runner.runScript(checkQuery, connection, DisplaySettings.DEFAULT, limits);
            StatementResult last = check.results().isEmpty()
                    ? null
                    : check.results().get(check.results().size() - 1);
            if (last instanceof StatementResult.Rows rows) {
                return ResultTable.of(rows);
            }
            if (last instanceof StatementResult.Error error) {
                failures.add(
                        Feedback.of(
                                "check",
                                "After your statements ran, the query that looks at the data the task is about failed: "
                                        + "ERROR: " + sentence(withDetailAndHint(error))
                                        + " Did a statement drop, rename or change the type of something the task still needs?"));
            } else {
                failures.add(Feedback.of(
                        "check",
                        "After your statements ran, the query that looks at the data the task is about returned no "
                                + "rows. Did a statement drop or rename something the task still needs?"));
            }
            return null;
        }

        private Attempt done(ResultTable result, String plan) {
            return new Attempt(result, plan, List.copyOf(failures), List.copyOf(notes), deniedAWrite);
        }
    }

    /** The first failed statement, in the learner's terms: where it is, what PostgreSQL said, the limit that stopped it. */
    private static Optional<Feedback> firstError(List<StatementResult> results, String script) {
        for (StatementResult result : results) {
            if (result instanceof StatementResult.Error error) {
                if (error.limit() != null) {
                    return Optional.of(Feedback.of("limit", error.message()));
                }
                StringBuilder message = new StringBuilder();
                message.append("Line ")
                        .append(
                                error.line() != null
                                        ? error.line()
                                        : lineOf(script, error.source().offset()))
                        .append(": ");
                message.append("ERROR: ").append(withDetailAndHint(error));
                return Optional.of(Feedback.of("error", message.toString()));
            }
            if (result instanceof StatementResult.Meta meta && meta.failed()) {
                return Optional.of(Feedback.of("error", meta.command() + ": " + meta.text()));
            }
        }
        return Optional.empty();
    }

    /**
     * PostgreSQL's message with its SQLSTATE, DETAIL and HINT (from the server's error message), as
     * psql shows them: the DETAIL often says what the message only hints at, such as which returned
     * column of a function has the wrong type.
     */
    private static String withDetailAndHint(StatementResult.Error error) {
        StringBuilder message = new StringBuilder(error.message());
        if (error.sqlstate() != null) {
            message.append(" (SQLSTATE ").append(error.sqlstate()).append(")");
        }
        if (error.detail() != null) {
            message.append(". DETAIL: ").append(error.detail());
        }
        if (error.hint() != null) {
            message.append(error.detail() != null ? " " : ". ").append("HINT: ").append(error.hint());
        }
        return message.toString();
    }

    private static String sentence(String text) {
        return text.endsWith(".") ? text : text + ".";
    }

    private static long lineOf(String script, int offset) {
        return script.substring(0, Math.min(offset, script.length()))
                        .chars()
                        .filter(c -> c == '\n')
                        .count()
                + 1;
    }
}
