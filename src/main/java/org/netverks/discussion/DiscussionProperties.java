package org.netverks.discussion;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The discussion's settings, bound from {@code netverks.discussion.*} (environment:
 * {@code NETVERKS_DISCUSSION_*}). Checked at start-up by {@link DiscussionPropertiesValidator}.
 *
 * @param threadsPerPage threads per page of a lesson's thread list
 * @param postsPerMinute posts (threads, comments and replies together) one account may make in a minute
 * @param postsPerHour   posts one account may make in an hour
 */
@ConfigurationProperties("netverks.discussion")
record DiscussionProperties(
        @DefaultValue("20") int threadsPerPage,
        @DefaultValue("5") int postsPerMinute,
        @DefaultValue("30") int postsPerHour) {}
