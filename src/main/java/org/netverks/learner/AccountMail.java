package org.netverks.learner;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * The one way messages reach learners (reset links, confirmation links, "you already have an
 * account"): by SMTP when {@code spring.mail.host} is set, otherwise written to the server log at
 * WARN for a self-hoster to pass on. Links point at {@code netverks.public-url}.
 */
@Component
class AccountMail {

    private static final Logger log = LoggerFactory.getLogger(AccountMail.class);

    private final ObjectProvider<JavaMailSender> mail;
    private final String from;
    private final String publicUrl;

    AccountMail(ObjectProvider<JavaMailSender> mail, LearnerProperties properties) {
        this.mail = mail;
        this.from = properties.mail().from();
        this.publicUrl = properties.publicUrl().replaceAll("/+$", "");
    }

    /** The absolute address of a path on this site, for a link in a message. */
    String link(String path) {
        return publicUrl + path;
    }

    /**
     * Sends the message; without a mail server, logs {@code withoutServer} instead (it says what the
     * message was for and holds its link, if any).
     */
    void send(String to, String subject, String text, String withoutServer) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            log.warn("No mail server configured (spring.mail.host): {}", withoutServer);
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(subject);
        message.setText(text);
        try {
            sender.send(message);
        } catch (MailException e) {
            log.error("Could not send \"{}\" to {}: {}", subject, to, e.getMessage());
        }
    }
}
