package org.netverks.discussion;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Impossible discussion settings stop the start with a message saying which and why. */
@Component
class DiscussionPropertiesValidator {

    DiscussionPropertiesValidator(DiscussionProperties properties) {
        List<String> problems = new ArrayList<>();
        if (properties.threadsPerPage() < 1) {
            problems.add("netverks.discussion.threads-per-page must be at least 1, not " + properties.threadsPerPage());
        }
        if (properties.postsPerMinute() < 1) {
            problems.add("netverks.discussion.posts-per-minute must be at least 1 (0 would stop every post), not "
                    + properties.postsPerMinute());
        }
        if (properties.postsPerHour() < properties.postsPerMinute()) {
            problems.add("netverks.discussion.posts-per-hour (" + properties.postsPerHour()
                    + ") must be at least netverks.discussion.posts-per-minute (" + properties.postsPerMinute() + ")");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Invalid discussion settings:\n  - " + String.join("\n  - ", problems));
        }
    }
}
