package org.netverks.discussion;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A post as one viewer sees it. {@code bodyHtml} is sanitised HTML, or empty when the post shows
 * as "[deleted]" or "[hidden by a moderator]"; a moderator still sees a hidden post's body, marked.
 * {@code authorId} is only filled for moderators (for blocking).
 */
public record PostView(
        long id,
        boolean opening,
        String authorName,
        UUID authorId,
        boolean authorBlocked,
        Instant createdAt,
        Instant editedAt,
        boolean deleted,
        boolean hidden,
        boolean bodyShown,
        String bodyHtml,
        String body,
        boolean mine,
        int openReports,
        List<PostView> replies) {

    public String created() {
        return Times.format(createdAt);
    }

    public String createdIso() {
        return createdAt.toString();
    }

    public String edited() {
        return Times.format(editedAt);
    }

    public String anchor() {
        return "post-" + id;
    }
}
