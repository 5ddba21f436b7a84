package org.netverks.lab.exercise;

import java.util.Locale;
import java.util.Map;
import org.netverks.content.Timeline;

/**
 * What the learner reads when a step of a timeline did not do what it should: which step, on which
 * session, what it should have done, what it did, and the author's reason ({@code when_wrong}).
 */
final class TimelineFeedback {

    static final String CODE = "timeline_step";

    /** The SQLSTATEs a timeline is about, in words. */
    private static final Map<String, String> NAMES = Map.of(
            "40001", "a serialization failure",
            "40P01", "a deadlock",
            "55P03", "a lock that is not available (NOWAIT or lock_timeout)",
            "57014", "a cancelled statement");

    private TimelineFeedback() {}

    /** {@code outcome} held against {@code expected}; null when it matches (or nothing is expected). */
    static Feedback check(
            Timeline.Step step, Timeline.Expectation expected, TimelinePlay.Outcome outcome, boolean released) {
        if (expected == null || matches(expected, outcome)) {
            return null;
        }
        String should = (released ? "Once released, step " : "Step ") + step.number() + " (session "
                + step.sessionLabel() + ") should have " + inWords(expected);
        String did =
                switch (outcome.kind()) {
                    case COMPLETES -> "it completed";
                    case WAITS -> "it waited for a lock held by " + holder(outcome.blockedBy());
                    case FAILS ->
                        "it failed: ERROR: " + outcome.error().message()
                                + (outcome.error().sqlstate() == null
                                        ? ""
                                        : " (SQLSTATE " + outcome.error().sqlstate() + ")");
                };
        return Feedback.of(CODE, sentence(should + ", but " + did, step.whenWrong()));
    }

    static Feedback stillWaiting(Timeline.Step waiting, Timeline.Step next) {
        return Feedback.of(
                CODE,
                sentence(
                        "Step " + next.number() + " could not run: session " + waiting.sessionLabel()
                                + " was still waiting for a lock at step " + waiting.number()
                                + ", and nothing in the timeline released it",
                        waiting.whenWrong()));
    }

    static Feedback stillWaitingAtTheEnd(Timeline.Step waiting) {
        return Feedback.of(
                CODE,
                sentence(
                        "Step " + waiting.number() + " (session " + waiting.sessionLabel()
                                + ") was still waiting for a lock when the timeline ended",
                        waiting.whenWrong()));
    }

    private static boolean matches(Timeline.Expectation expected, TimelinePlay.Outcome outcome) {
        if (expected.outcome() != outcome.kind()) {
            return false;
        }
        return expected.outcome() != Timeline.Outcome.FAILS
                || expected.sqlstate().equals(outcome.error().sqlstate());
    }

    private static String inWords(Timeline.Expectation expected) {
        return switch (expected.outcome()) {
            case COMPLETES -> "completed";
            case WAITS -> "waited for a lock";
            case FAILS ->
                "failed with SQLSTATE " + expected.sqlstate()
                        + (NAMES.containsKey(expected.sqlstate()) ? " (" + NAMES.get(expected.sqlstate()) + ")" : "");
        };
    }

    private static String holder(String name) {
        return name == null || "other".equals(name) ? "another session" : "session " + name.toUpperCase(Locale.ROOT);
    }

    private static String sentence(String text, String whenWrong) {
        String joined = whenWrong == null ? text : text + ": " + whenWrong.strip();
        return joined.endsWith(".") ? joined : joined + ".";
    }
}
