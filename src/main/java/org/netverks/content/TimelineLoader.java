package org.netverks.content;

import java.util.ArrayList;
import java.util.List;

/** Reads the {@code timeline:} of a timeline exercise and its answers, reporting every problem with its field. */
final class TimelineLoader {

    /** Enough to show waits, deadlocks and retries; a longer timeline is hard to follow and slow to grade. */
    static final int MOST_STEPS = 12;

    private TimelineLoader() {}

    /** The timeline of {@code exercise}; null when it has problems (reported). */
    static Timeline timeline(YamlNode exercise) {
        int known = exercise.problemCount();
        List<YamlNode> nodes = exercise.nodes("timeline");
        if (nodes.isEmpty()) {
            exercise.problem("timeline", "lists no steps");
        } else if (nodes.size() > MOST_STEPS) {
            exercise.problem("timeline", "has " + nodes.size() + " steps; at most " + MOST_STEPS);
        }
        List<Timeline.Step> steps = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            Timeline.Step step = step(nodes.get(i), i + 1);
            if (step != null) {
                steps.add(step);
            }
        }
        if (steps.stream().noneMatch(Timeline.Step::yours)) {
            exercise.problem("timeline", "has no step marked `yours: true`: the learner would have nothing to write");
        }
        List<List<String>> alternatives = answerLists(exercise, "alternatives", (int)
                steps.stream().filter(Timeline.Step::yours).count());
        return exercise.problemCount() > known ? null : new Timeline(steps, alternatives);
    }

    /** A timeline's other fields: a check query to compare, and none of the fields of a one-script exercise. */
    static void checkFields(YamlNode exercise, String check) {
        if (exercise.has("solution")) {
            exercise.problem("solution", "a timeline exercise's reference answer is its steps: remove `solution`");
        }
        if (check == null) {
            exercise.problem("check", "is required for a timeline: the query whose result is compared at the end");
        }
        if (exercise.has("plan")) {
            exercise.problem("plan", "a timeline is graded by its steps and its check, not by a plan");
        }
        if (exercise.has("hidden_datasets")) {
            exercise.problem("hidden_datasets", "a timeline is graded on the lesson's data only");
        }
    }

    /** A known-wrong answer to a timeline: {@code steps}, one SQL text per yours step. */
    static Exercise.KnownWrong knownWrong(YamlNode item, Timeline timeline) {
        item.allowOnly("steps", "why");
        String why = item.text("why");
        if (timeline == null) {
            return null;
        }
        List<String> steps =
                answers(item, "steps", item.raw("steps"), timeline.yours().size());
        return steps == null || why == null ? null : new Exercise.KnownWrong(null, steps, why);
    }

    private static Timeline.Step step(YamlNode node, int number) {
        node.allowOnly("a", "b", "yours", "prompt", "expect", "then", "when_wrong");
        boolean onA = node.has("a");
        if (onA == node.has("b")) {
            node.problem(null, "names exactly one session: `a: <sql>` or `b: <sql>`");
            return null;
        }
        String session = onA ? "a" : "b";
        String sql = node.text(session);
        Timeline.Expectation expect = expectation(node, "expect");
        Timeline.Expectation then = expectation(node, "then");
        if (then != null && (expect == null || expect.outcome() != Timeline.Outcome.WAITS)) {
            node.problem("then", "is what a step that waits does once released: it needs `expect: waits`");
        }
        if (then != null && then.outcome() == Timeline.Outcome.WAITS) {
            node.problem("then", "must be `completes` or `fails SQLSTATE`: a released step no longer waits");
        }
        boolean yours = node.flag("yours");
        String prompt = node.optionalText("prompt");
        if (prompt != null && !yours) {
            node.problem("prompt", "is the placeholder of a step the learner writes: it needs `yours: true`");
        }
        String whenWrong = node.optionalText("when_wrong");
        if (whenWrong != null && expect == null) {
            node.problem("when_wrong", "explains a failed expectation: the step needs `expect:`");
        }
        return sql == null ? null : new Timeline.Step(number, session, sql, yours, prompt, expect, then, whenWrong);
    }

    private static Timeline.Expectation expectation(YamlNode node, String field) {
        if (!node.has(field)) {
            return null;
        }
        String text = node.optionalText(field);
        Timeline.Expectation expectation = text == null ? null : Timeline.Expectation.parse(text);
        if (expectation == null) {
            node.problem(
                    field, "must be `completes`, `waits` or `fails SQLSTATE` (like `fails 40001`), not '" + text + "'");
        }
        return expectation;
    }

    private static List<List<String>> answerLists(YamlNode exercise, String field, int yours) {
        Object raw = exercise.raw(field);
        if (raw == null) {
            return List.of();
        }
        if (!(raw instanceof List<?> items)) {
            exercise.problem(field, "must be a list of answers, each a list of SQL texts, one per yours step");
            return List.of();
        }
        List<List<String>> lists = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<String> answers = answers(exercise, field + "[" + i + "]", items.get(i), yours);
            if (answers != null) {
                lists.add(answers);
            }
        }
        return lists;
    }

    private static List<String> answers(YamlNode node, String field, Object raw, int yours) {
        if (raw instanceof List<?> items
                && items.size() == yours
                && items.stream().allMatch(TimelineLoader::text)) {
            return items.stream().map(item -> ((String) item).strip()).toList();
        }
        node.problem(field, "must be a list of " + yours + " SQL text(s), one per step marked `yours: true`, in order");
        return null;
    }

    private static boolean text(Object item) {
        return item instanceof String text && !text.isBlank();
    }
}
