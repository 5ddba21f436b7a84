package org.netverks.discussion;

import java.util.Map;

/**
 * The "start a thread" form: what was typed (kept when it comes back), each problem beside its
 * field ({@code errors} by field name), or one {@code message} for a refusal.
 */
public record NewThreadForm(LessonRef lesson, String title, String body, Map<String, String> errors, String message) {

    public NewThreadForm {
        title = title == null ? "" : title;
        body = body == null ? "" : body;
        errors = Map.copyOf(errors);
    }

    /** The form as typed, with what {@code problem} (null for none) says is wrong with it. */
    static NewThreadForm of(LessonRef lesson, String title, String body, Outcome problem) {
        return new NewThreadForm(
                lesson,
                title,
                body,
                problem instanceof Outcome.Invalid invalid ? invalid.errors() : Map.of(),
                problem instanceof Outcome.Refused refused ? refused.refusal().message() : null);
    }
}
