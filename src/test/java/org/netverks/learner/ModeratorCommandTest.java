package org.netverks.learner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;
import org.netverks.CommandRunner;
import org.netverks.CommandRunner.Result;
import org.netverks.IntegrationTest;
import org.netverks.web.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/**
 * {@code moderator add|remove|list} run in-process against the test app's own platform database
 * (its embedded cluster, found running through its pid file, as on a server), and what a learner
 * signed in to the running app can then do: moderation pages answer 200 for a moderator, 403 for
 * anyone else.
 */
@IntegrationTest
class ModeratorCommandTest {

    /** A signed-in session sees a change once its instance reads the rights again (Moderators.FRESH_FOR). */
    private static final Duration WITHIN = Moderators.FRESH_FOR.plusSeconds(10);

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    private Result command(String... args) {
        return CommandRunner.run(environment, args);
    }

    @Test
    void addGivesASignedInLearnerModeratorRightsAndRemoveTakesThemAway() {
        Http learner = new Http(port);
        String email = Learners.uniqueEmail("promoted");
        Inbox.signUpAndConfirm(learner, email, "Promoted", Learners.PASSWORD);
        assertThat(learner.get("/moderation/reports").statusCode()).isEqualTo(403);

        Result added = command("moderator", "add", email.toUpperCase(java.util.Locale.ROOT));
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out())
                .isEqualTo(email + " is now a moderator; its account can moderate now (signed-in sessions within 5 s)."
                        + System.lineSeparator());
        awaitStatus(learner, status -> status == 200);

        Result list = command("moderator", "list");
        assertThat(list.exitCode()).isZero();
        assertThat(list.out())
                .startsWith("EMAIL")
                .containsPattern("(?m)^" + java.util.regex.Pattern.quote(email) + " +database +confirmed: moderates$")
                .containsPattern("(?m)^moderator@example\\.org +NETVERKS_MODERATORS +");

        Result again = command("moderator", "add", email);
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).startsWith(email + " was already a moderator;");

        Result removed = command("moderator", "remove", email);
        assertThat(removed.exitCode()).as(removed.err()).isZero();
        assertThat(removed.out()).startsWith(email + " is no longer a moderator");
        awaitStatus(learner, status -> status == 403);
        assertThat(command("moderator", "list").out()).doesNotContain(email);

        Result twice = command("moderator", "remove", email);
        assertThat(twice.exitCode()).isEqualTo(1);
        assertThat(twice.err())
                .isEqualTo(email + " is not a moderator in the database: nothing removed ('moderator list' shows "
                        + "them)." + System.lineSeparator());
    }

    @Test
    void anAddressWithoutAnAccountIsRecordedAndModeratesOnceItsAccountIsConfirmed() {
        String email = Learners.uniqueEmail("future");
        Result added = command("moderator", "add", email);
        assertThat(added.exitCode()).isZero();
        assertThat(added.out())
                .contains("is now a moderator; no account has this address yet: the rights apply once one signs up "
                        + "with it and confirms it.");
        assertThat(command("moderator", "list").out())
                .containsPattern("(?m)^" + java.util.regex.Pattern.quote(email) + " +database +no account yet$");

        Http learner = new Http(port);
        Inbox.signUpAndConfirm(learner, email, "Future", Learners.PASSWORD);
        assertThat(learner.get("/moderation/reports").statusCode()).isEqualTo(200);
    }

    @Test
    void aConfiguredModeratorStaysOneWhenRemovedFromTheDatabase() {
        Result removed = command("moderator", "remove", "moderator@example.org");
        assertThat(removed.exitCode()).isEqualTo(1);
        assertThat(removed.out())
                .contains("moderator@example.org stays a moderator: NETVERKS_MODERATORS lists it. Remove it there and "
                        + "restart the app.");
    }

    /** Asks for the moderation page until its status passes, within {@link #WITHIN}. */
    private static void awaitStatus(Http learner, IntPredicate expected) {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        int status;
        while (!expected.test(status = learner.get("/moderation/reports").statusCode())) {
            assertThat(System.nanoTime())
                    .as("still " + status + " after " + WITHIN)
                    .isLessThan(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
