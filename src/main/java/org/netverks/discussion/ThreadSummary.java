package org.netverks.discussion;

import java.time.Instant;

/** A thread in a lesson's list: its title (or that it is hidden), who started it, its activity and size. */
public record ThreadSummary(
        long id,
        String title,
        boolean hidden,
        String authorName,
        Instant createdAt,
        Instant lastActivityAt,
        int comments,
        String path) {

    public String lastActivity() {
        return Times.format(lastActivityAt);
    }

    public String lastActivityIso() {
        return lastActivityAt.toString();
    }
}
