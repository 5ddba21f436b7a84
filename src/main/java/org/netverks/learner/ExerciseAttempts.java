package org.netverks.learner;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * The lab's way to keep a signed-in learner's attempts at an exercise in their account (the newest
 * {@value WorkspaceRepository#ATTEMPTS_KEPT} per exercise). The only class of learner the lab uses
 * besides {@link CurrentLearner}.
 */
@Component
public class ExerciseAttempts {

    private static final Logger log = LoggerFactory.getLogger(ExerciseAttempts.class);

    /** How much of the grader's first remark a summary keeps: a line in the history, not the whole feedback. */
    static final int SUMMARY_LENGTH = 200;

    private final WorkspaceRepository workspace;

    ExerciseAttempts(WorkspaceRepository workspace) {
        this.workspace = workspace;
    }

    /**
     * One graded answer as the workspace's history shows it (and the browser keeps it for an
     * anonymous learner, in the same shape).
     *
     * @param summary "Solved", or the first thing the grader said about a wrong answer
     */
    public record Attempt(Instant at, boolean correct, String summary, String sql) {}

    /**
     * The attempt a graded answer makes, kept in the account of a signed-in learner (anonymous
     * learners get it back only). A failure to keep it is logged and does not fail the check: the
     * learner has their verdict, and the history misses one line.
     *
     * @param firstFeedback the grader's first message; the summary of a wrong answer
     */
    public Attempt record(
            Optional<CurrentLearner> learner,
            String lessonId,
            String exerciseId,
            String sql,
            boolean correct,
            String firstFeedback) {
        Attempt attempt = new Attempt(
                Instant.now().truncatedTo(ChronoUnit.MICROS), correct, summary(correct, firstFeedback), sql);
        learner.ifPresent(account -> {
            try {
                workspace.recordAttempt(account.accountId(), lessonId, exerciseId, attempt);
            } catch (DataAccessException | TransactionException e) {
                log.error(
                        "Could not keep an attempt at {}/{} for account {}; the verdict was answered",
                        lessonId,
                        exerciseId,
                        account.accountId(),
                        e);
            }
        });
        return attempt;
    }

    static String summary(boolean correct, String firstFeedback) {
        if (correct) {
            return "Solved";
        }
        String said = firstFeedback == null || firstFeedback.isBlank() ? "Not solved" : firstFeedback.strip();
        if (said.length() <= SUMMARY_LENGTH) {
            return said;
        }
        int cut = SUMMARY_LENGTH - 1;
        if (Character.isHighSurrogate(said.charAt(cut - 1))) {
            cut--; // never half a character
        }
        return said.substring(0, cut).stripTrailing() + "…";
    }
}
