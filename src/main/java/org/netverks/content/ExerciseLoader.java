package org.netverks.content;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads a lesson's exercises.yaml, reporting every problem with its field. */
final class ExerciseLoader {

    private static final Pattern RELATION = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final MarkdownRenderer markdown;

    ExerciseLoader(MarkdownRenderer markdown) {
        this.markdown = markdown;
    }

    /** The lesson's exercises; an empty list when the file is absent. */
    List<Exercise> load(
            String file,
            String source,
            String lessonDataset,
            boolean hasLab,
            Map<String, Dataset> datasets,
            List<ContentProblem> problems) {
        if (source == null) {
            return List.of();
        }
        YamlNode yaml = ContentLoader.parseYaml(file, source, problems);
        if (yaml == null) {
            return List.of();
        }
        yaml.allowOnly("exercises");
        List<YamlNode> nodes = ContentLoader.uniqueIds(yaml.nodes("exercises"));
        if (!nodes.isEmpty() && !hasLab) {
            yaml.problem("exercises", "only a sql_sandbox lesson with a dataset can have exercises");
        }
        List<Exercise> exercises = new ArrayList<>();
        for (YamlNode node : nodes) {
            Exercise exercise = exercise(node, lessonDataset, datasets);
            if (exercise != null) {
                exercises.add(exercise);
            }
        }
        return List.copyOf(exercises);
    }

    private Exercise exercise(YamlNode node, String lessonDataset, Map<String, Dataset> datasets) {
        node.allowOnly(
                "id",
                "title",
                "task",
                "dataset",
                "solution",
                "rules",
                "check",
                "hidden_datasets",
                "plan",
                "hints",
                "known_wrong");
        String id = node.id("id");
        String title = node.text("title");
        String task = node.text("task");
        String solution = node.text("solution");
        String check = node.optionalText("check");
        String dataset = node.has("dataset") ? node.optionalText("dataset") : lessonDataset;
        if (node.has("dataset") && dataset != null && !datasets.containsKey(dataset)) {
            node.problem("dataset", "'" + dataset + "' is not a folder under datasets/");
        }
        List<String> hidden = node.textOrTexts("hidden_datasets");
        Set<String> seen = new HashSet<>();
        for (String name : hidden) {
            if (!datasets.containsKey(name)) {
                node.problem("hidden_datasets", "'" + name + "' is not a folder under datasets/");
            } else if (name.equals(dataset)) {
                node.problem(
                        "hidden_datasets", "'" + name + "' is the exercise's own dataset; a hidden one must differ");
            } else if (!seen.add(name)) {
                node.problem("hidden_datasets", "'" + name + "' is listed twice");
            }
        }
        GradingRules rules = rules(node.optionalNode("rules"));
        checkResultOrder(node, rules, solution, check);
        List<PlanAssertion> plan = new ArrayList<>();
        for (YamlNode item : node.nodes("plan")) {
            PlanAssertion assertion = planAssertion(item);
            if (assertion != null) {
                plan.add(assertion);
            }
        }
        List<String> hints = node.texts("hints").stream()
                .map(hint -> markdown.render(hint).html())
                .toList();
        List<Exercise.KnownWrong> knownWrong = new ArrayList<>();
        for (YamlNode item : node.nodes("known_wrong")) {
            item.allowOnly("sql", "why");
            String sql = item.text("sql");
            String why = item.text("why");
            if (sql != null && why != null) {
                knownWrong.add(new Exercise.KnownWrong(sql, why));
            }
        }
        if (id == null || title == null || task == null || solution == null || dataset == null || rules == null) {
            return null;
        }
        return new Exercise(
                id,
                title,
                markdown.render(task).html(),
                task,
                dataset,
                solution,
                rules,
                check,
                hidden,
                plan,
                hints,
                knownWrong);
    }

    /**
     * A rule on row order needs an ORDER BY that sorts the graded result: the check query's when
     * there is one (the solution only changes data), else the solution's last statement's, at
     * its top level (a window's or a subquery's ORDER BY does not order the result).
     */
    private static void checkResultOrder(YamlNode node, GradingRules rules, String solution, String check) {
        if (rules == null || rules.order() == GradingRules.RowOrder.NONE || solution == null) {
            return;
        }
        String graded = check != null ? check : solution;
        if (ResultOrderBy.of(graded).isEmpty()) {
            String order = rules.order() == GradingRules.RowOrder.TOTAL ? "is total" : "lists columns to sort by";
            String what = check != null
                    ? "the check query has no ORDER BY of its own (the result graded is the check query's)"
                    : "the solution's last statement has no ORDER BY of its own (one inside a window or a "
                            + "subquery does not sort the result)";
            node.problem("rules.order", order + ", but " + what + ": its order would be arbitrary");
        }
    }

    private static GradingRules rules(YamlNode node) {
        if (node == null) {
            return GradingRules.DEFAULT;
        }
        node.allowOnly("order", "column_names", "types", "tolerance");
        GradingRules.RowOrder order = GradingRules.RowOrder.NONE;
        List<String> orderColumns = List.of();
        Object rawOrder = node.raw("order");
        if (rawOrder instanceof List<?>) {
            orderColumns = node.texts("order");
            order = GradingRules.RowOrder.BY_COLUMNS;
            if (orderColumns.isEmpty()) {
                node.problem("order", "lists no columns: write none, total, or a list of column names");
            } else if (new HashSet<>(orderColumns).size() != orderColumns.size()) {
                node.problem("order", "names a column twice");
            }
        } else if (rawOrder != null) {
            String value = node.optionalText("order");
            if ("total".equals(value)) {
                order = GradingRules.RowOrder.TOTAL;
            } else if (value != null && !"none".equals(value)) {
                node.problem(
                        "order", "'" + value + "' is not none, total, or a list of column names like [total, name]");
            }
        }
        boolean names = true;
        if (node.has("column_names")) {
            String value = node.optionalText("column_names");
            if ("ignore".equals(value)) {
                names = false;
            } else if (value != null && !"match".equals(value)) {
                node.problem("column_names", "'" + value + "' is not one of match, ignore");
            }
        }
        GradingRules.TypePolicy types = node.has("types")
                ? node.choice("types", GradingRules.TypePolicy.class, GradingRules.TypePolicy::key)
                : GradingRules.TypePolicy.CATEGORY;
        BigDecimal tolerance = node.nonNegativeNumber("tolerance", BigDecimal.ZERO);
        return new GradingRules(
                order, orderColumns, names, types == null ? GradingRules.TypePolicy.CATEGORY : types, tolerance);
    }

    private static PlanAssertion planAssertion(YamlNode item) {
        item.allowOnly("uses", "avoids", "on");
        if (item.has("uses") == item.has("avoids")) {
            item.problem(null, "needs exactly one of uses: or avoids:");
            return null;
        }
        boolean required = item.has("uses");
        List<String> types = item.textOrTexts(required ? "uses" : "avoids");
        for (String type : types) {
            if (!PlanAssertion.NODE_TYPES.contains(type)) {
                item.problem(
                        required ? "uses" : "avoids",
                        "'" + type + "' is not a plan node type (known: " + String.join(", ", PlanAssertion.NODE_TYPES)
                                + ")");
                return null;
            }
        }
        String relation = item.text("on");
        if (relation != null && !RELATION.matcher(relation).matches()) {
            item.problem("on", "'" + relation + "' is not a table name");
            return null;
        }
        if (types.isEmpty() || relation == null) {
            return null;
        }
        return new PlanAssertion(required, types, relation);
    }
}
