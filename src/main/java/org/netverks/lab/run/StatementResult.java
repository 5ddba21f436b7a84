package org.netverks.lab.run;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import org.netverks.lab.shared.PlanNode;

/**
 * What one statement (or meta-command) of a run produced, as the API returns it. Every kind
 * carries where the statement sits in the script, the notices it raised and how long it took.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = StatementResult.Rows.class, name = "rows"),
    @JsonSubTypes.Type(value = StatementResult.Command.class, name = "command"),
    @JsonSubTypes.Type(value = StatementResult.Meta.class, name = "meta"),
    @JsonSubTypes.Type(value = StatementResult.Plan.class, name = "plan"),
    @JsonSubTypes.Type(value = StatementResult.Error.class, name = "error"),
    @JsonSubTypes.Type(value = StatementResult.Waiting.class, name = "waiting")
})
public sealed interface StatementResult {

    Source source();

    /**
     * Where the statement is in the script (UTF-16 offsets, as the editor counts) and its notices;
     * {@code timed}: {@code \timing} was on when it ran, so its time is shown (psql times SQL
     * statements, not backslash commands).
     */
    record Source(int offset, int length, List<Notice> notices, long moreNotices, double durationMs, boolean timed) {}

    record Notice(String severity, String message) {}

    record Column(String name, String type) {}

    /** A result set; {@code rows} holds at most the lab's row limit, {@code rowCount} is the true count. */
    record Rows(
            Source source,
            List<Column> columns,
            List<List<String>> rows,
            long rowCount,
            boolean truncated,
            String tag,
            String text)
            implements StatementResult {}

    /** A statement without rows: the command tag PostgreSQL returned ("UPDATE 3", "CREATE TABLE"). */
    record Command(Source source, String tag) implements StatementResult {}

    /** A psql meta-command's output, laid out as psql prints it. */
    record Meta(Source source, String command, String text, boolean failed) implements StatementResult {}

    /** EXPLAIN: the plan as psql prints it and as a tree. */
    record Plan(Source source, String text, PlanNode tree, Double planningMs, Double executionMs)
            implements StatementResult {}

    /**
     * A statement that failed: PostgreSQL's fields, the error position in the script (null when
     * there is none), and {@code limit} naming the lab limit that stopped it, if one did.
     */
    record Error(
            Source source,
            String sqlstate,
            String message,
            String detail,
            String hint,
            Integer position,
            Integer line,
            Integer column,
            String limit)
            implements StatementResult {}

    /**
     * In a two-session lab: the statement at {@code source} waits for a lock held by {@code
     * blockedBy} ("a", "b", or "other": another connection of the learner's); its result, and the
     * rest of the run's, come later with the session's pending results.
     */
    record Waiting(Source source, String blockedBy) implements StatementResult {}
}
