package org.netverks.discussion;

import java.util.Map;

/**
 * Editing one's own post: which post ({@code opening} posts have a title too), what was typed
 * (kept when it comes back), each problem beside its field, or one {@code message} for a refusal.
 */
public record PostEditForm(
        LessonRef lesson,
        long threadId,
        long postId,
        boolean opening,
        String title,
        String body,
        Map<String, String> errors,
        String message) {

    public PostEditForm {
        title = title == null ? "" : title;
        body = body == null ? "" : body;
        errors = Map.copyOf(errors);
    }

    static PostEditForm of(
            LessonRef lesson, DiscussionRepository.PostRow post, String title, String body, Outcome problem) {
        return new PostEditForm(
                lesson,
                post.threadId(),
                post.id(),
                post.opening(),
                title,
                body,
                problem instanceof Outcome.Invalid invalid ? invalid.errors() : Map.of(),
                problem instanceof Outcome.Refused refused ? refused.refusal().message() : null);
    }
}
