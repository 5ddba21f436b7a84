package org.netverks.learner;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.netverks.content.ContentCatalog;
import org.netverks.content.Lesson;
import org.netverks.content.LessonMode;
import org.netverks.content.Track;
import org.netverks.learner.ExerciseAttempts.Attempt;
import org.netverks.learner.WorkspaceRepository.Draft;
import org.netverks.learner.WorkspaceRepository.SavedDraft;
import org.netverks.web.BadRequestException;
import org.netverks.web.NotFoundException;
import org.netverks.web.Refusal;
import org.netverks.web.RefusedException;
import org.springframework.stereotype.Service;

/**
 * A signed-in learner's lab workspace of one lesson: a draft per exercise and one for the free lab
 * ({@value #FREE}), and the newest attempts per exercise ({@link ExerciseAttempts} records them).
 * Drafts exist only for a written lesson's lab and its exercises, each at most as large as the lab
 * runs, so what an account can store is bounded by the content.
 */
@Service
class WorkspaceService {

    /** The slot of the lesson's free lab (the editor outside the exercises). */
    static final String FREE = "free";

    private final WorkspaceRepository repository;
    private final ContentCatalog catalog;
    private final long maxSqlBytes;

    WorkspaceService(WorkspaceRepository repository, ContentCatalog catalog, LearnerProperties properties) {
        this.repository = repository;
        this.catalog = catalog;
        this.maxSqlBytes = properties.lab().maxSqlSize().toBytes();
    }

    /** The lesson's drafts by slot and attempts by exercise (newest first). */
    record Workspace(Map<String, Draft> drafts, Map<String, List<Attempt>> attempts) {}

    Workspace workspace(UUID account, String lessonId) {
        Lesson lesson = lesson(lessonId);
        return new Workspace(repository.drafts(account, lesson.id()), repository.attempts(account, lesson.id()));
    }

    /**
     * Saves a draft edited at {@code savedAt} unless the account holds one edited later (from
     * another device); an empty or blank draft deletes the slot's draft. A time in the future
     * counts as now, so a device with a fast clock cannot win every later edit.
     */
    SavedDraft save(UUID account, String lessonId, String slot, String sql, String savedAt) {
        Lesson lesson = lesson(lessonId);
        if (lesson.mode() != LessonMode.SQL_SANDBOX || lesson.dataset() == null) {
            throw new NotFoundException("The lesson “" + lesson.title() + "” has no SQL lab, so it keeps no drafts.");
        }
        if (!slot.equals(FREE) && lesson.exercise(slot).isEmpty()) {
            throw new NotFoundException("The lesson “" + lesson.title() + "” has no exercise '" + slot
                    + "'; a draft belongs to one of its exercises or to its free lab ('" + FREE + "').");
        }
        if (sql == null) {
            throw new BadRequestException("Send the draft as {\"sql\": \"…\", \"savedAt\": \"2026-12-07T01:02:03Z\"}.");
        }
        Instant at = editedAt(savedAt);
        if (sql.isBlank()) {
            return repository.delete(account, lesson.id(), slot, at);
        }
        requireWithinLimit(sql);
        return repository.save(account, lesson.id(), slot, sql, at);
    }

    /** Every draft and attempt of the account, for its export. */
    WorkspaceRepository.Export export(UUID account) {
        return repository.export(account);
    }

    private void requireWithinLimit(String sql) {
        long bytes = sql.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxSqlBytes) {
            throw new RefusedException(new Refusal(
                    Refusal.Kind.TOO_LARGE,
                    "This draft is " + kilobytes(bytes) + "; a draft keeps at most " + kilobytes(maxSqlBytes)
                            + ", as much as the lab runs at once (SQL size limit).",
                    "SQL size limit"));
        }
    }

    private static Instant editedAt(String savedAt) {
        if (savedAt == null) {
            throw new BadRequestException(
                    "savedAt is missing: send when the draft was edited, like 2026-12-07T01:02:03Z.");
        }
        Instant at;
        try {
            at = Instant.parse(savedAt);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("savedAt must be an ISO-8601 time like 2026-12-07T01:02:03Z, not '"
                    + (savedAt.length() > 40 ? savedAt.substring(0, 40) + "…" : savedAt) + "'.");
        }
        Instant now = Instant.now();
        // the database keeps microseconds: compare what will be stored
        return (at.isAfter(now) ? now : at).truncatedTo(ChronoUnit.MICROS);
    }

    private static String kilobytes(long bytes) {
        return (bytes + 1023) / 1024 + " KB";
    }

    /** A lesson of the current content by its id (a retired one has no workspace to open). */
    private Lesson lesson(String lessonId) {
        return catalog.current().tracks().stream()
                .flatMap(track -> track.steps().stream())
                .filter(Track.Step::available)
                .map(Track.Step::lesson)
                .filter(lesson -> lesson.id().equals(lessonId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("There is no lesson with the id '" + lessonId + "'."));
    }
}
