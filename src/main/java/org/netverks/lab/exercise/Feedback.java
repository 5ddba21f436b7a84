package org.netverks.lab.exercise;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One thing a check found, in plain words. {@code kind} lets the page style it: correct, error,
 * limit, no_result, columns, column_names, types, missing_rows, extra_rows, duplicates, values,
 * order, plan, other_data, note. {@code examples} are rows of the learner's own result, never of
 * the expected one.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Feedback(String kind, String message, List<String> columns, List<List<String>> examples) {

    static Feedback of(String kind, String message) {
        return new Feedback(kind, message, List.of(), List.of());
    }
}
