package org.netverks.lab;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.netverks.content.Catalog;
import org.netverks.content.ContentProblem;
import org.netverks.content.Dataset;
import org.netverks.content.Lesson;
import org.netverks.content.LessonMode;
import org.netverks.content.SqlBlock;
import org.netverks.content.Track;
import org.netverks.lab.run.SandboxConnection;
import org.netverks.lab.run.ScriptRunner;
import org.netverks.lab.run.StatementResult;
import org.netverks.lab.sandbox.ScratchDatabases;
import org.netverks.lab.shared.DisplaySettings;
import org.netverks.lab.shared.PlanNode;

/**
 * Content CI for the SQL in lesson bodies: every {@code sql} block of a sql_sandbox lesson not
 * marked {@code outside-lab} runs, in order, on ONE fresh copy of the lesson's dataset, as the
 * copy's own (learner's) role, each block as one lab run (meta-commands, limits and the clean-up
 * after a run as in the lab), so state carries from block to block as when a learner pastes them
 * one after another. A block fails CI when it fails and is not marked {@code error}, is marked
 * {@code error} and succeeds, or states {@code rows=N} and its last statement returns another count.
 */
public final class LessonSqlVerifier {

    private final ScriptRunner runner;
    private final ScratchDatabases scratches;
    private final LabProperties properties;

    public LessonSqlVerifier(ScriptRunner runner, ScratchDatabases scratches, LabProperties properties) {
        this.runner = runner;
        this.scratches = scratches;
        this.properties = properties;
    }

    /** Every problem found, each naming lesson.md and the block's line; lessons run {@code threads} at a time. */
    public List<ContentProblem> verify(Catalog catalog, int threads) {
        List<ContentProblem> problems = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<ContentProblem>>> results = new ArrayList<>();
            for (Track track : catalog.tracks()) {
                for (Track.Step step : track.steps()) {
                    Lesson lesson = step.lesson();
                    if (!step.available() || lesson.mode() != LessonMode.SQL_SANDBOX) {
                        continue;
                    }
                    String file = "tracks/" + track.slug() + "/lessons/" + step.slug() + "/lesson.md";
                    Dataset dataset = catalog.dataset(lesson.dataset()).orElseThrow();
                    results.add(pool.submit(() -> verify(file, lesson.sqlBlocks(), dataset)));
                }
            }
            for (Future<List<ContentProblem>> result : results) {
                problems.addAll(result.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problems.add(new ContentProblem("lessons", "", "checking the lessons' SQL was interrupted"));
        } catch (ExecutionException e) {
            problems.add(new ContentProblem("lessons", "", "checking the lessons' SQL failed: " + e.getCause()));
        } finally {
            pool.shutdownNow();
        }
        return problems;
    }

    /** The blocks of one lesson, in order, on one fresh copy of its dataset. */
    List<ContentProblem> verify(String file, List<SqlBlock> blocks, Dataset dataset) throws SQLException {
        List<ContentProblem> problems = new ArrayList<>();
        if (blocks.stream().allMatch(SqlBlock::outsideLab)) {
            return problems;
        }
        ScratchDatabases.Scratch scratch = scratches.take(dataset);
        SandboxConnection connection = null;
        try {
            DisplaySettings settings = DisplaySettings.DEFAULT;
            for (SqlBlock block : blocks) {
                if (block.outsideLab()) {
                    continue;
                }
                String where = "line " + block.line();
                try {
                    LabRefusal.requireSqlWithin(block.sql(), properties, "run");
                } catch (LabRefusal e) {
                    problems.add(
                            new ContentProblem(file, where, "the sql block is refused by the lab: " + e.getMessage()));
                    continue;
                }
                if (connection == null || !connection.usable()) {
                    if (connection != null) {
                        connection.close();
                    }
                    connection = open(scratch);
                }
                ScriptRunner.ScriptResult done =
                        runner.runScript(block.sql(), connection, settings, properties.runLimits());
                runner.cleanUp(connection, done);
                settings = done.settings();
                String problem = check(block, done);
                if (problem != null) {
                    problems.add(new ContentProblem(file, where, problem));
                }
            }
        } finally {
            if (connection != null) {
                connection.close();
            }
            scratches.discard(scratch);
        }
        return problems;
    }

    /** What is wrong with one block's run, or null when it did what the block says. */
    static String check(SqlBlock block, ScriptRunner.ScriptResult done) {
        String failure = firstFailure(block, done);
        if (block.mustFail()) {
            return failure != null
                    ? null
                    : "the sql block is marked error, but it runs without an error as a learner's role "
                            + "(drop 'error', or make it fail as the text says)";
        }
        if (failure != null) {
            return "the sql block fails as a learner's role: " + failure;
        }
        if (block.expectedRows() != null) {
            if (!(last(done) instanceof StatementResult.Rows rows)) {
                return "the sql block states rows=" + block.expectedRows() + ", but its last statement returns no rows";
            }
            if (rows.rowCount() != block.expectedRows()) {
                return "the sql block states rows=" + block.expectedRows() + ", but its last statement returns "
                        + rows.rowCount() + " row(s) (fix the count, and the text if it says the same)";
            }
        }
        if (block.statesPlan()) {
            return planProblem(block, done);
        }
        return null;
    }

    /**
     * Whether the plan of the block's last statement has the nodes (or detail lines, such as
     * "Run Condition: …") its fence names, and none it rules out.
     */
    private static String planProblem(SqlBlock block, ScriptRunner.ScriptResult done) {
        if (!(last(done) instanceof StatementResult.Plan plan) || plan.tree() == null) {
            return "the sql block states a plan, but its last statement is not an EXPLAIN";
        }
        List<String> lines = new ArrayList<>();
        collectLines(plan.tree(), lines);
        for (String node : block.planHas()) {
            if (lines.stream().noneMatch(title -> title.startsWith(node))) {
                return "the sql block states plan=" + node.replace(' ', '-') + ", but no line of its plan starts so ("
                        + String.join("; ", lines) + ")";
            }
        }
        for (String node : block.planLacks()) {
            if (lines.stream().anyMatch(title -> title.startsWith(node))) {
                return "the sql block states no-plan=" + node.replace(' ', '-') + ", but its plan has one ("
                        + String.join("; ", lines) + ")";
            }
        }
        return null;
    }

    /** The block's last statement's result, which rows=N and plan=… speak of; null when nothing ran. */
    private static StatementResult last(ScriptRunner.ScriptResult done) {
        return done.results().isEmpty()
                ? null
                : done.results().get(done.results().size() - 1);
    }

    private static void collectLines(PlanNode node, List<String> titles) {
        titles.add(node.title());
        for (String detail : node.details()) {
            titles.add(detail.strip());
        }
        for (PlanNode child : node.children()) {
            collectLines(child, titles);
        }
    }

    /** The first thing that failed in the run, worded for the author, or null when nothing did. */
    private static String firstFailure(SqlBlock block, ScriptRunner.ScriptResult done) {
        for (StatementResult result : done.results()) {
            if (result instanceof StatementResult.Error error) {
                String advice = "42501".equals(error.sqlstate())
                        ? "mark it outside-lab if it is meant for your own server"
                        : "fix it, or mark it error if it fails on purpose";
                return error.message() + statementLine(block, result) + " (" + advice + ")";
            }
            if (result instanceof StatementResult.Meta meta && meta.failed()) {
                return meta.text().strip() + statementLine(block, result)
                        + " (fix it, or mark it error if it fails on purpose)";
            }
        }
        // "Stopped: the run reached the lab's run time limit", "The connection … was closed"
        return done.messages().stream()
                .filter(message -> !message.startsWith("Your open transaction was rolled back"))
                .findFirst()
                .orElse(null);
    }

    /** Where in lesson.md the failing statement starts, when it is not the block's first line. */
    private static String statementLine(SqlBlock block, StatementResult result) {
        int offset = Math.min(result.source().offset(), block.sql().length());
        int line = block.line() + 1;
        for (int i = 0; i < offset; i++) {
            if (block.sql().charAt(i) == '\n') {
                line++;
            }
        }
        return line == block.line() + 1 ? "" : " (the statement on line " + line + ")";
    }

    private SandboxConnection open(ScratchDatabases.Scratch scratch) throws SQLException {
        var sandbox = scratch.sandbox();
        return SandboxConnection.open(
                scratch.server().host(),
                scratch.server().port(),
                sandbox.database(),
                sandbox.role(),
                sandbox.password(),
                properties.runLimits().maxResultBytes(),
                () -> scratches.repairRole(scratch));
    }
}
