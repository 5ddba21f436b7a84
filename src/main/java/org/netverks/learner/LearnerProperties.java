package org.netverks.learner;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The accounts' settings, bound from {@code netverks.*} (environment: {@code NETVERKS_MAIL_FROM},
 * {@code NETVERKS_PUBLIC_URL}, {@code NETVERKS_MODERATORS}). Checked at start-up by
 * {@link LearnerPropertiesValidator}.
 *
 * @param mail       the messages sent to learners
 * @param publicUrl  the address learners use to reach this site, for links in e-mails (an absolute http or https
 *                   URL; application.properties makes it {@code http://localhost:<server.port>})
 * @param moderators e-mail addresses whose accounts are moderators once the address is confirmed
 * @param lab        the one lab setting accounts follow (see {@link Lab})
 */
@ConfigurationProperties("netverks")
record LearnerProperties(
        @DefaultValue Mail mail,
        @DefaultValue("http://localhost:8080") String publicUrl,
        @DefaultValue List<String> moderators,
        @DefaultValue Lab lab) {

    /** @param from the sender of password-reset and confirmation e-mails ({@code netverks.mail.from}) */
    record Mail(@DefaultValue("no-reply@learn-netverks.local") String from) {}

    /**
     * The lab's own setting {@code netverks.lab.max-sql-size} (checked at start-up by the lab), read
     * here by its name because learner does not depend on lab: a workspace draft holds at most what
     * the lab runs or checks at once, so one setting bounds both. The default is the lab's.
     *
     * @param maxSqlSize the largest draft an account keeps
     */
    record Lab(@DefaultValue("64KB") DataSize maxSqlSize) {}
}
