package org.netverks.learner;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.netverks.learner.ExerciseAttempts.Attempt;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The workspace tables (workspace_draft, exercise_attempt): every statement on them. */
@Repository
class WorkspaceRepository {

    /** The attempts kept per account and exercise: enough to look back, bounded whatever a learner does. */
    static final int ATTEMPTS_KEPT = 20;

    private final JdbcClient jdbc;

    WorkspaceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A draft as stored: its SQL and when the learner last edited it. */
    record Draft(String sql, Instant savedAt) {}

    /** A lesson's drafts by slot. */
    Map<String, Draft> drafts(UUID account, String lessonId) {
        Map<String, Draft> drafts = new LinkedHashMap<>();
        jdbc.sql(
                        """
                select slot, sql, saved_at from workspace_draft
                where account_id = :account and lesson_id = :lesson order by slot""")
                .param("account", account)
                .param("lesson", lessonId)
                .query(row -> {
                    drafts.put(
                            row.getString("slot"),
                            new Draft(
                                    row.getString("sql"),
                                    row.getTimestamp("saved_at").toInstant()));
                });
        return drafts;
    }

    Optional<Draft> draft(UUID account, String lessonId, String slot) {
        return Optional.ofNullable(drafts(account, lessonId).get(slot));
    }

    /**
     * Stores the draft unless the stored one was saved later (the newest edit wins across devices;
     * on a tie the one sent now). Answers the draft stored afterwards and whether it is the one sent.
     */
    @Transactional
    SavedDraft save(UUID account, String lessonId, String slot, String sql, Instant savedAt) {
        int written = jdbc.sql(
                        """
                insert into workspace_draft (account_id, lesson_id, slot, sql, saved_at)
                values (:account, :lesson, :slot, :sql, :savedAt)
                on conflict (account_id, lesson_id, slot) do update
                set sql = excluded.sql, saved_at = excluded.saved_at
                where excluded.saved_at >= workspace_draft.saved_at""")
                .param("account", account)
                .param("lesson", lessonId)
                .param("slot", slot)
                .param("sql", storable(sql))
                .param("savedAt", Timestamp.from(savedAt))
                .update();
        if (written == 1) {
            return new SavedDraft(storable(sql), savedAt, true);
        }
        Draft stored = draft(account, lessonId, slot).orElseThrow();
        return new SavedDraft(stored.sql(), stored.savedAt(), false);
    }

    /**
     * Deletes the draft unless the stored one was saved later than {@code emptiedAt}; answers what
     * is stored afterwards: nothing (an empty draft at {@code emptiedAt}), or the later draft.
     */
    @Transactional
    SavedDraft delete(UUID account, String lessonId, String slot, Instant emptiedAt) {
        jdbc.sql(
                        """
                delete from workspace_draft
                where account_id = :account and lesson_id = :lesson and slot = :slot and saved_at <= :emptiedAt""")
                .param("account", account)
                .param("lesson", lessonId)
                .param("slot", slot)
                .param("emptiedAt", Timestamp.from(emptiedAt))
                .update();
        return draft(account, lessonId, slot)
                .map(later -> new SavedDraft(later.sql(), later.savedAt(), false))
                .orElseGet(() -> new SavedDraft("", emptiedAt, true));
    }

    /**
     * PostgreSQL's text holds no NUL character, which a pasted or scripted answer may have: it is
     * kept as U+FFFD (the replacement character), visible where it stood, rather than refused or lost.
     */
    static String storable(String text) {
        return text.replace('\0', '\uFFFD');
    }

    /** The draft an account holds after a save, and whether it is the one sent ({@code kept}). */
    record SavedDraft(String sql, Instant savedAt, boolean kept) {}

    /** Keeps the attempt and drops the exercise's attempts beyond the newest {@link #ATTEMPTS_KEPT}. */
    @Transactional
    void recordAttempt(UUID account, String lessonId, String exerciseId, Attempt attempt) {
        jdbc.sql(
                        """
                insert into exercise_attempt (account_id, lesson_id, exercise_id, attempted_at, sql, correct, summary)
                values (:account, :lesson, :exercise, :at, :sql, :correct, :summary)""")
                .param("account", account)
                .param("lesson", lessonId)
                .param("exercise", exerciseId)
                .param("at", Timestamp.from(attempt.at()))
                .param("sql", storable(attempt.sql()))
                .param("correct", attempt.correct())
                .param("summary", storable(attempt.summary()))
                .update();
        jdbc.sql(
                        """
                delete from exercise_attempt
                where account_id = :account and lesson_id = :lesson and exercise_id = :exercise
                  and id not in (select id from exercise_attempt
                                 where account_id = :account and lesson_id = :lesson and exercise_id = :exercise
                                 order by attempted_at desc, id desc limit :kept)""")
                .param("account", account)
                .param("lesson", lessonId)
                .param("exercise", exerciseId)
                .param("kept", ATTEMPTS_KEPT)
                .update();
    }

    /** A lesson's attempts by exercise, newest first, at most {@link #ATTEMPTS_KEPT} each. */
    Map<String, List<Attempt>> attempts(UUID account, String lessonId) {
        Map<String, List<Attempt>> attempts = new LinkedHashMap<>();
        jdbc.sql(
                        """
                select exercise_id, attempted_at, correct, summary, sql
                from (select *, row_number() over (partition by exercise_id
                                                   order by attempted_at desc, id desc) as newness
                      from exercise_attempt where account_id = :account and lesson_id = :lesson) as attempt
                where newness <= :kept
                order by exercise_id, newness""")
                .param("account", account)
                .param("lesson", lessonId)
                .param("kept", ATTEMPTS_KEPT)
                .query(row -> {
                    attempts.computeIfAbsent(row.getString("exercise_id"), id -> new ArrayList<>())
                            .add(new Attempt(
                                    row.getTimestamp("attempted_at").toInstant(),
                                    row.getBoolean("correct"),
                                    row.getString("summary"),
                                    row.getString("sql")));
                });
        return attempts;
    }

    /** Everything an account keeps in its workspaces, for the export. */
    record Export(List<ExportedDraft> drafts, List<ExportedAttempt> attempts) {}

    record ExportedDraft(String lessonId, String slot, String sql, Instant savedAt) {}

    record ExportedAttempt(
            String lessonId, String exerciseId, Instant at, boolean correct, String summary, String sql) {}

    Export export(UUID account) {
        List<ExportedDraft> drafts = jdbc.sql(
                        """
                select lesson_id, slot, sql, saved_at from workspace_draft
                where account_id = :account order by lesson_id, slot""")
                .param("account", account)
                .query((row, n) -> new ExportedDraft(
                        row.getString("lesson_id"),
                        row.getString("slot"),
                        row.getString("sql"),
                        row.getTimestamp("saved_at").toInstant()))
                .list();
        List<ExportedAttempt> attempts = jdbc.sql(
                        """
                select lesson_id, exercise_id, attempted_at, correct, summary, sql from exercise_attempt
                where account_id = :account order by lesson_id, exercise_id, attempted_at desc, id desc""")
                .param("account", account)
                .query((row, n) -> new ExportedAttempt(
                        row.getString("lesson_id"),
                        row.getString("exercise_id"),
                        row.getTimestamp("attempted_at").toInstant(),
                        row.getBoolean("correct"),
                        row.getString("summary"),
                        row.getString("sql")))
                .list();
        return new Export(drafts, attempts);
    }
}
