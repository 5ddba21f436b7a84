package org.netverks.content;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Typed, checked access to one YAML mapping. Every read that fails records a problem naming the
 * file and the field path ("quiz[2].choices[0].text") and returns null, so one pass over a file
 * reports everything that is wrong with it.
 */
final class YamlNode {

    private final String file;
    private final String path;
    private final Map<?, ?> map;
    private final List<ContentProblem> problems;

    YamlNode(String file, String path, Map<?, ?> map, List<ContentProblem> problems) {
        this.file = file;
        this.path = path;
        this.map = map;
        this.problems = problems;
    }

    String file() {
        return file;
    }

    String path(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    void problem(String field, String message) {
        problems.add(new ContentProblem(file, field == null ? path : path(field), message));
    }

    /** How many problems the whole file has so far: a read that added some failed. */
    int problemCount() {
        return problems.size();
    }

    /** The mapping's keys as text (YAML reads {@code 2:} as a number). */
    List<String> keys() {
        return map.keySet().stream().map(String::valueOf).toList();
    }

    /** The same mapping with every key as text, so a key written as a number can be read by name. */
    YamlNode withTextKeys() {
        Map<String, Object> text = new java.util.LinkedHashMap<>();
        map.forEach((key, value) -> text.put(String.valueOf(key), value));
        return new YamlNode(file, path, text, problems);
    }

    boolean has(String field) {
        return map.get(field) != null;
    }

    /** Unknown keys are usually typos ("pitfals"); silently ignoring them would lose content. */
    void allowOnly(String... fields) {
        Set<String> allowed = Set.of(fields);
        for (Object key : map.keySet()) {
            if (!allowed.contains(String.valueOf(key))) {
                problem(String.valueOf(key), "unknown field (allowed: " + String.join(", ", fields) + ")");
            }
        }
    }

    String text(String field) {
        Object value = map.get(field);
        if (value == null) {
            problem(field, "is required");
            return null;
        }
        return asText(field, value);
    }

    String optionalText(String field) {
        Object value = map.get(field);
        return value == null ? null : asText(field, value);
    }

    private String asText(String field, Object value) {
        if (value instanceof String string) {
            if (string.isBlank()) {
                problem(field, "must not be empty");
                return null;
            }
            return string.strip();
        }
        problem(field, "must be text, not " + describe(value));
        return null;
    }

    String id(String field) {
        String id = text(field);
        if (id != null && !ContentIds.isValid(id)) {
            problem(
                    field,
                    "'" + id + "' is not a valid id: use lower-case letters, digits and dashes, "
                            + "starting with a letter or digit, at most 64 characters");
            return null;
        }
        return id;
    }

    boolean flag(String field) {
        Object value = map.get(field);
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean bool) {
            return bool;
        }
        problem(field, "must be true or false, not " + describe(value));
        return false;
    }

    LocalDate date(String field) {
        Object value = map.get(field);
        if (value == null) {
            problem(field, "is required (a date like 2026-05-28)");
            return null;
        }
        if (value instanceof Date date) {
            return date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        }
        try {
            return LocalDate.parse(String.valueOf(value));
        } catch (DateTimeParseException e) {
            problem(field, "'" + value + "' is not a date like 2026-05-28");
            return null;
        }
    }

    <E extends Enum<E>> E choice(String field, Class<E> type, Function<E, String> name) {
        String value = text(field);
        if (value == null) {
            return null;
        }
        Set<String> names = new LinkedHashSet<>();
        for (E constant : type.getEnumConstants()) {
            if (name.apply(constant).equals(value)) {
                return constant;
            }
            names.add(name.apply(constant));
        }
        problem(field, "'" + value + "' is not one of " + String.join(", ", names));
        return null;
    }

    /** A nested mapping; null when it is absent (or not a mapping, which is reported). */
    YamlNode optionalNode(String field) {
        Object value = map.get(field);
        if (value == null) {
            return null;
        }
        if (value instanceof Map<?, ?> nested) {
            return new YamlNode(file, path(field), nested, problems);
        }
        problem(field, "must be a mapping with fields, not " + describe(value));
        return null;
    }

    /** The value as YAML gave it (a string, number, list, mapping), or null. */
    Object raw(String field) {
        return map.get(field);
    }

    /** One text or a list of texts ("uses: Seq Scan" or "uses: [Index Scan, Bitmap Heap Scan]"). */
    List<String> textOrTexts(String field) {
        Object value = map.get(field);
        if (value instanceof String) {
            String text = asText(field, value);
            return text == null ? List.of() : List.of(text);
        }
        return texts(field);
    }

    /** A number ≥ 0, or {@code fallback} when absent. */
    java.math.BigDecimal nonNegativeNumber(String field, java.math.BigDecimal fallback) {
        Object value = map.get(field);
        if (value == null) {
            return fallback;
        }
        try {
            java.math.BigDecimal number = new java.math.BigDecimal(String.valueOf(value));
            if (number.signum() >= 0 && (value instanceof Number)) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(field, "must be a number of 0 or more, not " + describe(value));
        return fallback;
    }

    /** A list of mappings; a missing list is empty. */
    List<YamlNode> nodes(String field) {
        List<YamlNode> nodes = new ArrayList<>();
        List<?> items = list(field);
        for (int i = 0; i < items.size(); i++) {
            String itemPath = path(field) + "[" + i + "]";
            if (items.get(i) instanceof Map<?, ?> item) {
                nodes.add(new YamlNode(file, itemPath, item, problems));
            } else {
                problems.add(new ContentProblem(
                        file, itemPath, "must be a mapping with fields, not " + describe(items.get(i))));
            }
        }
        return nodes;
    }

    /** A list of non-empty strings; a missing list is empty. */
    List<String> texts(String field) {
        List<String> texts = new ArrayList<>();
        List<?> items = list(field);
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof String text && !text.isBlank()) {
                texts.add(text.strip());
            } else {
                problems.add(new ContentProblem(
                        file, path(field) + "[" + i + "]", "must be non-empty text, not " + describe(items.get(i))));
            }
        }
        return texts;
    }

    private List<?> list(String field) {
        Object value = map.get(field);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list;
        }
        problem(field, "must be a list, not " + describe(value));
        return List.of();
    }

    private static String describe(Object value) {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof Map<?, ?>) {
            return "a mapping";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        if (value instanceof String) {
            return "text";
        }
        return "'" + value + "'";
    }
}
