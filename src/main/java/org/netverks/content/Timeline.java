package org.netverks.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A timeline exercise: steps on two sessions, A and B, of one copy of the data, run in order, some
 * given and some left for the learner ({@code yours}), each with what it should do: complete, wait
 * for a lock, or fail with a SQLSTATE. Transactions span steps, which is the point: this is how
 * lost updates, waits, deadlocks and serialization failures are shown and graded.
 *
 * @param steps        in order; a yours step's {@code sql} is the reference answer, kept on the server
 * @param alternatives other correct answers: each one SQL text per yours step, in order
 */
public record Timeline(List<Step> steps, List<List<String>> alternatives) {

    public Timeline {
        steps = List.copyOf(steps);
        alternatives = alternatives.stream().map(List::copyOf).toList();
    }

    /** What a step should do when it runs (or, for {@code then}, once a waiting step is released). */
    public enum Outcome {
        COMPLETES,
        WAITS,
        FAILS
    }

    private static final Pattern SQLSTATE = Pattern.compile("[0-9A-Z]{5}");

    /** An outcome, with the SQLSTATE a failure must have. */
    public record Expectation(Outcome outcome, String sqlstate) {

        /** Reads "completes", "waits" or "fails 40001"; null when the text is none of those. */
        public static Expectation parse(String text) {
            String[] words = text.trim().split("\\s+");
            if (words.length == 1 && words[0].equals("completes")) {
                return new Expectation(Outcome.COMPLETES, null);
            }
            if (words.length == 1 && words[0].equals("waits")) {
                return new Expectation(Outcome.WAITS, null);
            }
            if (words.length == 2
                    && words[0].equals("fails")
                    && SQLSTATE.matcher(words[1].toUpperCase(Locale.ROOT)).matches()) {
                return new Expectation(Outcome.FAILS, words[1].toUpperCase(Locale.ROOT));
            }
            return null;
        }

        /** As the author wrote it, and as the page shows it. */
        public String words() {
            return outcome == Outcome.FAILS
                    ? "fails " + sqlstate
                    : outcome.name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One step. {@code session} is "a" or "b"; {@code expect} and {@code then} may be null (not
     * checked); {@code whenWrong} is added to the feedback when an expectation of this step fails.
     */
    public record Step(
            int number,
            String session,
            String sql,
            boolean yours,
            String prompt,
            Expectation expect,
            Expectation then,
            String whenWrong) {

        public String sessionLabel() {
            return session.toUpperCase(Locale.ROOT);
        }

        Step withSql(String answer) {
            return new Step(number, session, answer, yours, prompt, expect, then, whenWrong);
        }
    }

    /** The steps the learner writes. */
    public List<Step> yours() {
        return steps.stream().filter(Step::yours).toList();
    }

    /** The timeline with the learner's SQL in its yours steps, in order ({@code answers} has one per yours step). */
    public List<Step> withAnswers(List<String> answers) {
        if (answers.size() != yours().size()) {
            throw new IllegalArgumentException("expected " + yours().size() + " answers, got " + answers.size());
        }
        List<Step> filled = new ArrayList<>();
        int next = 0;
        for (Step step : steps) {
            filled.add(step.yours() ? step.withSql(answers.get(next++)) : step);
        }
        return List.copyOf(filled);
    }

    /** The reference answers, one per yours step. */
    public List<String> referenceAnswers() {
        return yours().stream().map(Step::sql).toList();
    }

    /** A whole timeline as one text, each step headed by a comment: how a solution or an attempt is shown. */
    public static String asScript(List<Step> steps) {
        StringBuilder text = new StringBuilder();
        for (Step step : steps) {
            text.append("-- step ")
                    .append(step.number())
                    .append(" (")
                    .append(step.sessionLabel())
                    .append(")\n")
                    .append(step.sql().strip())
                    .append('\n');
        }
        return text.toString();
    }

    /** The learner's answers as one text, for the attempts history. */
    public String answersAsScript(List<String> answers) {
        return asScript(withAnswers(answers).stream().filter(Step::yours).toList());
    }
}
