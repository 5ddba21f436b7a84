package org.netverks.learner;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The accounts' settings, bound from {@code netverks.*} (environment: {@code NETVERKS_MAIL_FROM},
 * {@code NETVERKS_PUBLIC_URL}, {@code NETVERKS_MODERATORS}). Checked at start-up by
 * {@link LearnerPropertiesValidator}.
 *
 * @param mail       the messages sent to learners
 * @param publicUrl  the address learners use to reach this site, for links in e-mails (an absolute http or https
 *                   URL; application.properties makes it {@code http://localhost:<server.port>})
 * @param moderators e-mail addresses whose accounts are moderators once the address is confirmed
 */
@ConfigurationProperties("netverks")
record LearnerProperties(
        @DefaultValue Mail mail,
        @DefaultValue("http://localhost:8080") String publicUrl,
        @DefaultValue List<String> moderators) {

    /** @param from the sender of password-reset and confirmation e-mails ({@code netverks.mail.from}) */
    record Mail(@DefaultValue("no-reply@learn-netverks.local") String from) {}
}
