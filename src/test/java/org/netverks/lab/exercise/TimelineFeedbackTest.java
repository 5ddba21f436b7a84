package org.netverks.lab.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.netverks.content.Timeline;
import org.netverks.lab.run.StatementResult;

/** The words of each broken expectation of a timeline step, including what a released step did. */
class TimelineFeedbackTest {

    private static final StatementResult.Source SOURCE = new StatementResult.Source(0, 6, List.of(), 0, 0, false);

    private static Timeline.Step step(String expect, String then, String whenWrong) {
        return new Timeline.Step(
                3,
                "b",
                "commit;",
                false,
                null,
                Timeline.Expectation.parse(expect),
                then == null ? null : Timeline.Expectation.parse(then),
                whenWrong);
    }

    private static TimelinePlay.Outcome failed(String sqlstate, String message) {
        return new TimelinePlay.Outcome(
                Timeline.Outcome.FAILS,
                null,
                new StatementResult.Error(SOURCE, sqlstate, message, null, null, null, null, null, null));
    }

    @Test
    void aReleasedStepThatFailedWhereItShouldHaveCompleted() {
        Timeline.Step step = step("waits", "completes", "A's transaction conflicts with B's");
        Feedback feedback = TimelineFeedback.check(
                step, step.then(), failed("40001", "could not serialize access due to concurrent update"), true);
        assertThat(feedback.kind()).isEqualTo("timeline_step");
        assertThat(feedback.message())
                .isEqualTo(
                        "Once released, step 3 (session B) should have completed, but it failed: ERROR: could not "
                                + "serialize access due to concurrent update (SQLSTATE 40001): A's transaction conflicts with B's.");
    }

    @Test
    void theWrongSqlstateIsNamedWithTheExpectedOneInWords() {
        Timeline.Step step = step("fails 40P01", null, null);
        Feedback feedback =
                TimelineFeedback.check(step, step.expect(), failed("55P03", "could not obtain lock"), false);
        assertThat(feedback.message())
                .isEqualTo("Step 3 (session B) should have failed with SQLSTATE 40P01 (a deadlock), but it failed: "
                        + "ERROR: could not obtain lock (SQLSTATE 55P03).");
    }

    @Test
    void aStepThatWaitedWhereItShouldHaveFailedNamesTheHolder() {
        Timeline.Step step = step("fails 55P03", null, "NOWAIT gives up at once");
        Feedback feedback = TimelineFeedback.check(
                step, step.expect(), new TimelinePlay.Outcome(Timeline.Outcome.WAITS, "a", null), false);
        assertThat(feedback.message())
                .isEqualTo(
                        "Step 3 (session B) should have failed with SQLSTATE 55P03 (a lock that is not available "
                                + "(NOWAIT or lock_timeout)), but it waited for a lock held by session A: NOWAIT gives up at once.");
    }

    @Test
    void aMatchingOutcomeOrNoExpectationSaysNothing() {
        Timeline.Step step = step("fails 40001", null, null);
        assertThat(TimelineFeedback.check(step, step.expect(), failed("40001", "x"), false))
                .isNull();
        assertThat(TimelineFeedback.check(step, null, failed("42P01", "x"), false))
                .isNull();
    }
}
