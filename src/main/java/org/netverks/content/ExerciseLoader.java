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
        yaml.allowOnly("defaults", "exercises");
        GradingRules defaults = GradingRules.DEFAULT;
        YamlNode defaultsNode = yaml.optionalNode("defaults");
        if (defaultsNode != null) {
            defaultsNode.allowOnly("rules");
            YamlNode defaultRules = defaultsNode.optionalNode("rules");
            if (defaultRules != null) {
                GradingRules read = rules(defaultRules, GradingRules.DEFAULT);
                defaults = read == null ? GradingRules.DEFAULT : read;
            }
        }
        List<YamlNode> nodes = ContentLoader.uniqueIds(yaml.nodes("exercises"));
        if (!nodes.isEmpty() && !hasLab) {
            yaml.problem("exercises", "only a sql_sandbox lesson with a dataset can have exercises");
        }
        List<Exercise> exercises = new ArrayList<>();
        for (YamlNode node : nodes) {
            Exercise exercise = exercise(node, lessonDataset, datasets, defaults);
            if (exercise != null) {
                exercises.add(exercise);
            }
        }
        return List.copyOf(exercises);
    }

    private Exercise exercise(
            YamlNode node, String lessonDataset, Map<String, Dataset> datasets, GradingRules defaults) {
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
                "known_wrong",
                "explanation",
                "alternatives",
                "timeline");
        String id = node.id("id");
        String title = node.text("title");
        String task = node.text("task");
        Timeline timeline = node.has("timeline") ? TimelineLoader.timeline(node) : null;
        String solution = node.has("timeline")
                ? (timeline == null ? null : Timeline.asScript(timeline.steps()))
                : node.text("solution");
        String check = node.optionalText("check");
        if (node.has("timeline")) {
            TimelineLoader.checkFields(node, check);
        }
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
        YamlNode rulesNode = node.optionalNode("rules");
        GradingRules rules = rulesNode == null ? defaults : rules(rulesNode, defaults);
        if (rules != null && !rules.columnNamesMatter()) {
            namesWhereNamesDoNotCount(node, rules);
        }
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
            Exercise.KnownWrong wrong =
                    node.has("timeline") ? TimelineLoader.knownWrong(item, timeline) : plainKnownWrong(item);
            if (wrong != null) {
                knownWrong.add(wrong);
            }
        }
        String explanation = node.optionalText("explanation");
        List<String> alternatives = !node.has("timeline")
                ? node.texts("alternatives")
                : timeline == null
                        ? List.of()
                        : timeline.alternatives().stream()
                                .map(timeline::answersAsScript)
                                .toList();
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
                knownWrong,
                explanation == null ? null : markdown.render(explanation).html(),
                alternatives,
                timeline);
    }

    private static Exercise.KnownWrong plainKnownWrong(YamlNode item) {
        item.allowOnly("sql", "why");
        String sql = item.text("sql");
        String why = item.text("why");
        return sql != null && why != null ? new Exercise.KnownWrong(sql, why) : null;
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

    /**
     * The rules {@code node} sets, each field it leaves out taken from {@code base} (the file's
     * defaults, or the platform's); null when a field is wrong (reported).
     */
    private static GradingRules rules(YamlNode node, GradingRules base) {
        node.allowOnly("order", "column_names", "types", "tolerance");
        int known = node.problemCount();
        GradingRules.RowOrder order = base.order();
        List<String> orderColumns = base.orderColumns();
        Object rawOrder = node.raw("order");
        if (rawOrder instanceof List<?> list) {
            orderColumns = orderColumns(node, list);
            order = GradingRules.RowOrder.BY_COLUMNS;
            if (orderColumns.isEmpty()) {
                node.problem("order", "lists no columns: write none, total, or a list of column names");
            } else if (new HashSet<>(orderColumns).size() != orderColumns.size()) {
                node.problem("order", "names a column twice");
            }
        } else if (rawOrder != null) {
            String value = node.optionalText("order");
            orderColumns = List.of();
            if ("total".equals(value)) {
                order = GradingRules.RowOrder.TOTAL;
            } else if ("none".equals(value)) {
                order = GradingRules.RowOrder.NONE;
            } else if (value != null) {
                node.problem(
                        "order", "'" + value + "' is not none, total, or a list of column names like [total, name]");
            }
        }
        boolean names = base.columnNamesMatter();
        if (node.has("column_names")) {
            String value = node.optionalText("column_names");
            if ("ignore".equals(value)) {
                names = false;
            } else if ("match".equals(value)) {
                names = true;
            } else if (value != null) {
                node.problem("column_names", "'" + value + "' is not one of match, ignore");
            }
        }
        GradingRules.TypePolicy types = base.types();
        Map<String, List<GradingRules.ColumnKind>> kinds = base.columnKinds();
        if (node.raw("types") instanceof Map<?, ?>) {
            types = GradingRules.TypePolicy.CATEGORY;
            kinds = columnKinds(node.optionalNode("types").withTextKeys());
        } else if (node.has("types")) {
            types = node.choice("types", GradingRules.TypePolicy.class, GradingRules.TypePolicy::key);
            kinds = Map.of();
        }
        BigDecimal tolerance = base.tolerance();
        boolean relative = base.relativeTolerance();
        Object rawTolerance = node.raw("tolerance");
        if (rawTolerance instanceof String text && text.strip().endsWith(" relative")) {
            BigDecimal share = number(text.strip().substring(0, text.strip().length() - " relative".length()));
            if (share == null || share.signum() < 0 || share.compareTo(BigDecimal.ONE) >= 0) {
                node.problem(
                        "tolerance",
                        "'" + text + "' is not a relative tolerance: write a share of the expected value "
                                + "from 0 to below 1, like 1e-9 relative (or a number for an absolute distance)");
            } else {
                tolerance = share;
                relative = true;
            }
        } else if (rawTolerance != null) {
            tolerance = node.nonNegativeNumber("tolerance", BigDecimal.ZERO);
            relative = false;
        }
        if (node.problemCount() > known || types == null) {
            return null;
        }
        return new GradingRules(order, orderColumns, names, types, tolerance, relative, kinds);
    }

    /** Order columns: names of the solution's result, or 1-based positions (as in ORDER BY 2). */
    private static List<String> orderColumns(YamlNode node, List<?> items) {
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            if (item instanceof Integer position && position >= 1 && position <= 1600) {
                columns.add(String.valueOf(position));
            } else if (item instanceof String text && !text.isBlank() && !GradingRules.isPosition(text.strip())) {
                columns.add(text.strip());
            } else {
                node.problem(
                        "order[" + i + "]", "must be a column name or a column position from 1, not '" + item + "'");
            }
        }
        return columns;
    }

    /** {@code types: {day: [date, timestamp], 2: number}}: the kinds each listed column may have. */
    private static Map<String, List<GradingRules.ColumnKind>> columnKinds(YamlNode node) {
        Map<String, List<GradingRules.ColumnKind>> kinds = new java.util.LinkedHashMap<>();
        List<String> known = java.util.Arrays.stream(GradingRules.ColumnKind.values())
                .map(GradingRules.ColumnKind::key)
                .toList();
        for (String column : node.keys()) {
            List<GradingRules.ColumnKind> accepted = new ArrayList<>();
            for (String key : node.textOrTexts(column)) {
                java.util.Arrays.stream(GradingRules.ColumnKind.values())
                        .filter(kind -> kind.key().equals(key))
                        .findFirst()
                        .ifPresentOrElse(
                                accepted::add,
                                () -> node.problem(
                                        column,
                                        "'" + key + "' is not a kind of value (known: " + String.join(", ", known)
                                                + ")"));
            }
            if (accepted.isEmpty()) {
                node.problem(column, "lists no kind: write one or more of " + String.join(", ", known));
            }
            kinds.put(column, accepted);
        }
        if (kinds.isEmpty()) {
            node.problem(null, "lists no column: write category, exact, ignore, or {column: [kind, …]}");
        }
        return kinds;
    }

    /**
     * With column_names: ignore the learner never sees the solution's names, so a rule that names a
     * column must give its position instead: the page says "the 2nd column".
     */
    private static void namesWhereNamesDoNotCount(YamlNode node, GradingRules rules) {
        for (String column : rules.orderColumns()) {
            if (!GradingRules.isPosition(column)) {
                node.problem(
                        "rules.order",
                        "names the column '" + column + "', but with column_names: ignore the learner's names do "
                                + "not count: give its position instead (as in ORDER BY 2)");
            }
        }
        for (String column : rules.columnKinds().keySet()) {
            if (!GradingRules.isPosition(column)) {
                node.problem(
                        "rules.types",
                        "names the column '" + column + "', but with column_names: ignore the learner's names do "
                                + "not count: give its position instead (2: [date, timestamp])");
            }
        }
    }

    private static BigDecimal number(String text) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
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
