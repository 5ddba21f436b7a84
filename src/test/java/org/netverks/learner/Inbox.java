package org.netverks.learner;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.netverks.web.Http;
import org.slf4j.LoggerFactory;

/**
 * The messages the app sends to learners, as the tests read them: without a mail server they are
 * written to the log (AccountMail), and this keeps a copy of each line. Public for the discussion's tests.
 */
public final class Inbox {

    private static final ListAppender<ILoggingEvent> MESSAGES = new ListAppender<>();

    static {
        MESSAGES.start();
    }

    private Inbox() {}

    /**
     * Keeps messages from now on (call before the app sends the one you want to read). Attached
     * and started again each time: another app started in the same JVM resets the logging
     * configuration, which detaches and stops every appender.
     */
    public static synchronized void open() {
        if (!MESSAGES.isStarted()) {
            MESSAGES.start();
        }
        Logger logger = (Logger) LoggerFactory.getLogger(AccountMail.class);
        if (!logger.isAttached(MESSAGES)) {
            logger.addAppender(MESSAGES);
        }
    }

    /** The token of the newest confirmation link sent to the address. */
    public static String confirmationToken(String email) {
        String token =
                last(Pattern.compile("confirmation link for " + Pattern.quote(email) + " is \\S+/confirm/([\\w-]+)"));
        assertThat(token).as("a confirmation link for " + email + " in the log").isNotNull();
        return token;
    }

    /** How many "you already have an account" messages went to the address. */
    public static long alreadyHaveAnAccount(String email) {
        return lines().stream()
                .filter(line -> line.contains(email + " already has an account"))
                .count();
    }

    /** Signs up through the form, then confirms the address with the link from the message: signed in on {@code http}. */
    public static void signUpAndConfirm(Http http, String email, String name, String password) {
        open();
        HttpResponse<String> sent =
                http.postForm("/signup", Map.of("email", email, "displayName", name, "password", password));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        HttpResponse<String> confirmed = http.postForm("/confirm/" + confirmationToken(email), Map.of());
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(303);
    }

    private static String last(Pattern pattern) {
        String found = null;
        for (String line : lines()) {
            Matcher matcher = pattern.matcher(line);
            if (matcher.find()) {
                found = matcher.group(1);
            }
        }
        return found;
    }

    private static List<String> lines() {
        synchronized (MESSAGES) {
            return MESSAGES.list.stream()
                    .map(ILoggingEvent::getFormattedMessage)
                    .toList();
        }
    }
}
