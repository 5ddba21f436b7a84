package org.netverks.learner;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.netverks.IntegrationTest;
import org.netverks.web.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Accounts through their real forms, on the real platform database. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class AccountsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountService accounts;

    private Http http() {
        return new Http(port);
    }

    @Test
    void badSignUpsComeBackWithEachProblemBesideItsFieldAndTheInputKept() {
        Http http = http();
        HttpResponse<String> invalid =
                http.postForm("/signup", Map.of("email", "not-an-address", "displayName", "Ana", "password", "short"));
        assertThat(invalid.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(invalid.body());
        assertThat(page.selectFirst("#email-error").text())
                .isEqualTo("This is not an e-mail address like name@example.org.");
        assertThat(page.selectFirst("#password-error").text()).startsWith("Use at least 10 characters");
        assertThat(page.selectFirst("#email").attr("value")).isEqualTo("not-an-address");
        assertThat(page.selectFirst("#email").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.selectFirst("#displayName").attr("value")).isEqualTo("Ana");
        assertThat(page.selectFirst("#password").attr("value"))
                .as("a password is never sent back")
                .isEmpty();
        assertThat(invalid.body()).doesNotContain("value=\"short\"");

        String tooLong = "x".repeat(60) + "y".repeat(69);
        assertThat(Jsoup.parse(http.postForm(
                                        "/signup",
                                        Map.of(
                                                "email",
                                                Learners.uniqueEmail("long"),
                                                "displayName",
                                                "L",
                                                "password",
                                                tooLong))
                                .body())
                        .selectFirst("#password-error")
                        .text())
                .isEqualTo("Use at most 128 characters.");
        assertThat(Jsoup.parse(http.postForm(
                                        "/signup",
                                        Map.of(
                                                "email",
                                                Learners.uniqueEmail("weak"),
                                                "displayName",
                                                "W",
                                                "password",
                                                "1234567890"))
                                .body())
                        .selectFirst("#password-error")
                        .text())
                .contains("too easy to guess");
    }

    @Test
    void signingUpAnswersTheSameWhetherOrNotTheAddressHasAnAccountAndTheMessageSaysWhich() {
        String existing = Learners.signUp(http(), "dup");
        String fresh = Learners.uniqueEmail("fresh");
        Inbox.open();
        HttpResponse<String> again = http().postForm(
                        "/signup",
                        Map.of("email", existing.toUpperCase(), "displayName", "Again", "password", Learners.PASSWORD));
        HttpResponse<String> first = http().postForm(
                        "/signup", Map.of("email", fresh, "displayName", "Again", "password", Learners.PASSWORD));
        assertThat(again.statusCode()).isEqualTo(first.statusCode()).isEqualTo(200);
        String shownForExisting = Jsoup.parse(again.body()).selectFirst("main").text();
        assertThat(shownForExisting).contains("Check your inbox", "We sent a message to " + existing.toUpperCase());
        assertThat(shownForExisting.replace(existing.toUpperCase(), "ADDRESS"))
                .isEqualTo(Jsoup.parse(first.body()).selectFirst("main").text().replace(fresh, "ADDRESS"));

        assertThat(Inbox.alreadyHaveAnAccount(existing))
                .as("the existing address is told it has an account")
                .isEqualTo(1);
        assertThat(Inbox.confirmationToken(fresh)).isNotBlank();
        assertThat(jdbc.sql("select count(*) from learner_account where email = :email")
                        .param("email", fresh)
                        .query(Integer.class)
                        .single())
                .as("no account before the link is used")
                .isZero();
        assertThat(Learners.logIn(client(), fresh, Learners.PASSWORD).statusCode())
                .as("nor can it log in, as with any wrong password")
                .isEqualTo(401);
        assertThat(jdbc.sql("select password_hash from email_verification where email = :email")
                        .param("email", fresh)
                        .query(String.class)
                        .single())
                .startsWith("{argon2@SpringSecurity_v5_8}");
    }

    @Test
    void theConfirmationLinkSignsInWithANewSessionAndCsrfTokenAndLoggingOutEndsIt() {
        Http http = http();
        http.postJson("/api/lab/fixture/joins/run", "{\"sql\": \"select 1\"}"); // an anonymous session exists
        String anonymousSession = http.cookie("SESSION");
        String anonymousToken = http.cookie("XSRF-TOKEN");
        String email = Learners.uniqueEmail("ana");
        Inbox.open();
        assertThat(http.postForm(
                                "/signup",
                                Map.of(
                                        "email",
                                        email,
                                        "displayName",
                                        "Ana",
                                        "password",
                                        Learners.PASSWORD,
                                        "continue",
                                        "/tracks/fixture/joins"))
                        .statusCode())
                .isEqualTo(200);
        assertThat(http.get("/me").statusCode())
                .as("not signed in before the link is used")
                .isEqualTo(302);
        String token = Inbox.confirmationToken(email);

        Http mailReader = http();
        HttpResponse<String> confirmPage = mailReader.get("/confirm/" + token);
        assertThat(confirmPage.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(confirmPage.body()).selectFirst("main").text()).contains(email, "Ana");
        assertThat(mailReader.get("/confirm/" + token).statusCode())
                .as("looking does not use the link")
                .isEqualTo(200);
        HttpResponse<String> confirmed = http.postForm("/confirm/" + token, Map.of());
        assertThat(confirmed.statusCode()).isEqualTo(303);
        assertThat(confirmed.headers().firstValue("Location").orElseThrow())
                .as("back where the learner signed up from")
                .isEqualTo("/tracks/fixture/joins");
        assertThat(http.cookie("SESSION")).isNotNull().isNotEqualTo(anonymousSession);
        http.get("/");
        assertThat(http.cookie("XSRF-TOKEN"))
                .as("a new CSRF token once signed in")
                .isNotNull()
                .isNotEqualTo(anonymousToken);
        assertThat(http.get("/confirm/" + token).statusCode()).as("used once").isEqualTo(410);
        assertThat(http.postForm("/confirm/" + token, Map.of()).statusCode()).isEqualTo(410);
        assertThat(http.get("/confirm/not-a-real-token").statusCode()).isEqualTo(404);
        HttpResponse<String> me = http.get("/me");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(me.body())
                        .selectFirst("meta[name=netverks-account]")
                        .attr("content"))
                .isEqualTo(email);

        assertThat(Jsoup.parse(http.get("/tracks/fixture/joins").body()).select(".signup-prompt"))
                .as("a signed-in learner is not asked to sign up")
                .isEmpty();
        assertThat(http.get("/signed-out").statusCode())
                .as("not logged out yet")
                .isEqualTo(303);

        HttpResponse<String> logOut = http.postForm("/logout", Map.of());
        assertThat(logOut.statusCode()).isEqualTo(302);
        assertThat(logOut.headers().firstValue("Location").orElseThrow()).endsWith("/signed-out");
        assertThat(Jsoup.parse(http.get("/signed-out").body())
                        .selectFirst("main h1")
                        .text())
                .isEqualTo("You are logged out");
        assertThat(Jsoup.parse(http.get("/tracks/fixture/joins").body()).select(".signup-prompt"))
                .isNotEmpty();
        HttpResponse<String> after = http.get("/me");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElseThrow()).endsWith("/login?continue=%2Fme");
        assertThat(http.getJson("/api/progress").statusCode()).isEqualTo(401);
    }

    @Test
    void logInChangesTheSessionIdAndGoesBackWhereTheLearnerWas() {
        String email = Learners.signUp(http(), "bo");
        Http http = http();
        http.get("/tracks/fixture/joins");
        http.postJson("/api/lab/fixture/joins/run", "{\"sql\": \"select 1\"}"); // an anonymous session exists
        String before = http.cookie("SESSION");
        HttpResponse<String> login = http.postForm(
                "/login",
                Map.of("email", email, "password", Learners.PASSWORD, "continue", "/tracks/fixture/joins#lab"));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow())
                .isEqualTo("http://localhost:" + port + "/tracks/fixture/joins#lab");
        assertThat(http.cookie("SESSION")).isNotEqualTo(before);
        HttpResponse<String> elsewhere = Learners.logIn(http(), email, Learners.PASSWORD);
        assertThat(http().postForm(
                                "/login",
                                Map.of(
                                        "email",
                                        email,
                                        "password",
                                        Learners.PASSWORD,
                                        "continue",
                                        "https://evil.example/"))
                        .headers()
                        .firstValue("Location")
                        .orElseThrow())
                .as("only paths on this site")
                .isEqualTo("http://localhost:" + port + "/me");
        assertThat(elsewhere.statusCode()).isEqualTo(302);
    }

    /** Another client, as if from another machine (a fresh address each run: the test database outlives runs). */
    private Http client() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        return new Http(port, "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255));
    }

    @Test
    void aStrangersFailedLogInsLockOnlyTheStrangerOutWhetherOrNotTheAddressHasAnAccount() {
        String email = Learners.signUp(http(), "cy");
        Http stranger = client();
        for (int i = 1; i < LoginThrottle.FREE_FAILURES; i++) {
            HttpResponse<String> wrong = Learners.logIn(stranger, email, "wrong password " + i);
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(Jsoup.parse(wrong.body()).selectFirst("#login-error").text())
                    .isEqualTo("The e-mail address or the password is not right.");
            assertThat(Jsoup.parse(wrong.body()).selectFirst("#email").attr("value"))
                    .isEqualTo(email);
        }
        HttpResponse<String> locked = Learners.logIn(stranger, email, "wrong again");
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(Jsoup.parse(locked.body()).selectFirst("#login-error").text())
                .isEqualTo("Too many failed log-ins for this e-mail address from your network: log-in is locked for "
                        + "the next 5 minutes. If you forgot your password, reset it instead.");
        assertThat(Learners.logIn(stranger, email, Learners.PASSWORD).statusCode())
                .as("the locked-out client waits, even with the right password")
                .isEqualTo(429);
        Http owner = client();
        assertThat(Learners.logIn(owner, email, Learners.PASSWORD).statusCode())
                .as("the owner, from their own client, logs in")
                .isEqualTo(302);
        assertThat(owner.get("/me").statusCode()).isEqualTo(200);

        String nobody = Learners.uniqueEmail("nobody");
        Http guesser = client();
        for (int i = 1; i < LoginThrottle.FREE_FAILURES; i++) {
            assertThat(Learners.logIn(guesser, nobody, "guess " + i).statusCode())
                    .isEqualTo(401);
        }
        assertThat(Learners.logIn(guesser, nobody, "guess").statusCode())
                .as("no hint that it has no account")
                .isEqualTo(429);

        jdbc.sql("update login_throttle set locked_until = now() - interval '1 second' where email_key = lower(:email)")
                .param("email", email)
                .update();
        assertThat(Learners.logIn(stranger, email, Learners.PASSWORD).statusCode())
                .isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from login_throttle where email_key = lower(:email)")
                        .param("email", email)
                        .query(Integer.class)
                        .single())
                .as("a good log-in clears that client's count")
                .isZero();
    }

    @Test
    void oneClientSprayingGuessesOverManyAddressesIsStoppedAfterItsBudgetAndOthersAreNot() {
        String email = Learners.signUp(http(), "sprayed");
        Http sprayer = client();
        for (int i = 1; i <= 25; i++) {
            HttpResponse<String> guess = Learners.logIn(sprayer, Learners.uniqueEmail("spray" + i), "Summer2026!");
            assertThat(guess.statusCode()).as("guess " + i).isEqualTo(i < LoginThrottle.CLIENT_FAILURES ? 401 : 429);
            if (i == 25) {
                assertThat(Jsoup.parse(guess.body()).selectFirst("#login-error").text())
                        .matches("Too many failed "
                                + "log-ins from your network \\(20 in 15 minutes, whatever the address\\): wait 1[45] minutes, "
                                + "then try again\\.");
            }
        }
        assertThat(Learners.logIn(sprayer, email, Learners.PASSWORD).statusCode())
                .as("the sprayer is stopped whatever the address")
                .isEqualTo(429);
        assertThat(Learners.logIn(client(), email, Learners.PASSWORD).statusCode())
                .as("another client logs in")
                .isEqualTo(302);
    }

    @Test
    void aResetLinkWorksOnceBeforeItExpiresAndLogsOutOtherSessions(CapturedOutput output) {
        Http phone = http();
        String email = Learners.signUp(phone, "di");
        Http browser = http();
        HttpResponse<String> asked = browser.postForm("/reset", Map.of("email", email));
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("a link to choose a new password is on its way");
        assertThat(browser.postForm("/reset", Map.of("email", Learners.uniqueEmail("ghost")))
                        .body())
                .as("the same answer for an address without an account")
                .contains("is on its way");
        String token = linkFor(output, email);

        assertThat(browser.get("/reset/" + token).statusCode()).isEqualTo(200);
        assertThat(browser.postForm("/reset/" + token, Map.of("password", "short"))
                        .statusCode())
                .isEqualTo(400);
        HttpResponse<String> chosen =
                browser.postForm("/reset/" + token, Map.of("password", "my brand new passphrase"));
        assertThat(chosen.statusCode()).isEqualTo(303);
        assertThat(browser.get("/me").statusCode()).as("signed in by the reset").isEqualTo(200);
        assertThat(phone.get("/me").statusCode()).as("other sessions end").isEqualTo(302);
        assertThat(browser.get("/reset/" + token).statusCode()).as("used once").isEqualTo(410);
        assertThat(browser.postForm("/reset/" + token, Map.of("password", "yet another passphrase"))
                        .statusCode())
                .isEqualTo(410);
        assertThat(Learners.logIn(http(), email, "my brand new passphrase").statusCode())
                .isEqualTo(302);
        assertThat(Learners.logIn(client(), email, Learners.PASSWORD).statusCode())
                .isEqualTo(401);

        browser.postForm("/reset", Map.of("email", email));
        String later = linkFor(output, email);
        jdbc.sql("update password_reset set expires_at = now() - interval '1 second' where used_at is null")
                .update();
        HttpResponse<String> expired = browser.get("/reset/" + later);
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("This link has expired");
        assertThat(browser.get("/reset/not-a-real-token").statusCode()).isEqualTo(404);
    }

    private static String linkFor(CapturedOutput output, String email) {
        Matcher link = Pattern.compile("password reset link for " + Pattern.quote(email) + " is \\S+/reset/([\\w-]+)")
                .matcher(output.getAll());
        String token = null;
        while (link.find()) {
            token = link.group(1);
        }
        assertThat(token)
                .as("the link is in the server log when no mail server is configured")
                .isNotNull();
        return token;
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndLogsOutOtherDevices() {
        Http laptop = http();
        String email = Learners.signUp(laptop, "ed");
        Http phone = http();
        Learners.logIn(phone, email, Learners.PASSWORD);
        assertThat(laptop.postForm(
                                "/account/password", Map.of("current", "not it", "password", "a new passphrase here"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(laptop.postForm("/account/password", Map.of("current", Learners.PASSWORD, "password", "short"))
                        .statusCode())
                .isEqualTo(400);
        HttpResponse<String> changed = laptop.postForm(
                "/account/password", Map.of("current", Learners.PASSWORD, "password", "a new passphrase here"));
        assertThat(changed.statusCode()).isEqualTo(303);
        assertThat(laptop.get("/account?changed").body()).contains("Your password is changed.");
        assertThat(phone.get("/me").statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select password_hash from learner_account where email = :email")
                        .param("email", email)
                        .query(String.class)
                        .single())
                .startsWith("{argon2@SpringSecurity_v5_8}$argon2id$");
    }

    @Test
    void exportHoldsEverythingAndDeleteRemovesEverything() {
        Http http = http();
        String email = Learners.signUp(http, "fi");
        http.postJson(
                "/api/progress/merge",
                """
                {"lessons": {"pg-joins": {"openedAt": "2026-11-01T10:00:00Z", "completedAt": "2026-11-02T10:00:00Z",
                  "confidence": {"value": 4, "savedAt": "2026-11-02T10:00:00Z"},
                  "exercises": {"accounts-per-customer": {"solvedAt": "2026-11-02T11:00:00Z"}},
                  "cards": {"left-join": {"rating": "good", "ratedAt": "2026-11-02T12:00:00Z"}}}}}""");
        HttpResponse<String> export = http.getJson("/account/export");
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("attachment");
        assertThat(export.body())
                .contains(
                        email,
                        "\"pg-joins\"",
                        "\"confidence\"",
                        "accounts-per-customer",
                        "left-join",
                        "\"cardSchedule\"")
                .doesNotContain("argon2");

        assertThat(http.postForm("/account/delete", Map.of("password", "wrong")).statusCode())
                .isEqualTo(403);
        assertThat(http.postForm("/account/delete", Map.of("password", Learners.PASSWORD))
                        .statusCode())
                .isEqualTo(303);
        for (String table : new String[] {
            "learner_account",
            "lesson_progress",
            "exercise_solved",
            "card_review",
            "card_schedule",
            "quiz_answer",
            "password_reset"
        }) {
            String column = table.equals("learner_account") ? "id" : "account_id";
            assertThat(jdbc.sql("select count(*) from " + table + " t where " + column + " in "
                                    + "(select id from learner_account where email = :email)")
                            .param("email", email)
                            .query(Integer.class)
                            .single())
                    .as(table)
                    .isZero();
        }
        assertThat(jdbc.sql("select count(*) from lesson_progress p where not exists "
                                + "(select 1 from learner_account a where a.id = p.account_id)")
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = :email")
                        .param("email", email)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(http.get("/me").statusCode()).isEqualTo(302);
        assertThat(Learners.logIn(client(), email, Learners.PASSWORD).statusCode())
                .isEqualTo(401);
    }

    @Test
    void anUnconfirmedAccountLearnsButGetsAPageSayingToConfirmWhenItPostsAndTheLinkAgainAFewTimesAnHour() {
        Http http = http();
        String email = Learners.signUp(http, "unsure");
        jdbc.sql("update learner_account set email_verified_at = null where email = :email")
                .param("email", email)
                .update();
        assertThat(http.postJson(
                                "/api/progress/merge",
                                "{\"lessons\": {\"pg-joins\": {\"openedAt\": " + "\"2026-11-01T10:00:00Z\"}}}")
                        .statusCode())
                .as("progress still syncs")
                .isEqualTo(200);

        HttpResponse<String> refused =
                http.postForm("/tracks/fixture/joins/discussion", Map.of("title", "Why LEFT?", "body", "A question"));
        assertThat(refused.statusCode()).isEqualTo(403);
        Document page = Jsoup.parse(refused.body());
        assertThat(page.selectFirst("h1").text()).isEqualTo("Confirm your e-mail address first");
        assertThat(page.selectFirst("form[action='/account/confirmation'] button")
                        .text())
                .isEqualTo("Send the link again");

        Inbox.open();
        for (int sent = 1; sent < EmailVerifications.MAILS_PER_HOUR; sent++) { // the sign-up's message was the first
            assertThat(http.postForm("/account/confirmation", Map.of()).statusCode())
                    .isEqualTo(303);
        }
        HttpResponse<String> tooMany = http.postForm("/account/confirmation", Map.of());
        assertThat(tooMany.statusCode()).isEqualTo(429);
        assertThat(Jsoup.parse(tooMany.body())
                        .select("#unconfirmed .field-error")
                        .text())
                .startsWith("At most 3 messages an hour go to one address: wait ");
        assertThat(http.postForm("/confirm/" + Inbox.confirmationToken(email), Map.of())
                        .statusCode())
                .isEqualTo(303);
        assertThat(http.postForm("/tracks/fixture/joins/discussion", Map.of("title", "Why LEFT?", "body", "A question"))
                        .statusCode())
                .as("confirmed: posting works")
                .isEqualTo(303);
    }

    @Test
    void aFormWithAnExpiredSecurityTokenGetsAPageThatSaysWhatToDo() throws Exception {
        java.net.http.HttpResponse<String> forged = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create("http://localhost:" + port + "/signup"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .header("Accept", "text/html")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                        "email=a%40example.org&_csrf=stale"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(Jsoup.parse(forged.body()).text()).contains("This form had expired", "reload the page");
    }

    @Test
    void aConfiguredModeratorAddressGetsItsRightsOnlyOnceConfirmed() {
        // the test database outlives a run: free the address for a sign-up of our own
        jdbc.sql("update learner_account set email = 'earlier-' || gen_random_uuid() || '@example.org', "
                        + "moderator = false where lower(email) = 'moderator@example.org'")
                .update();
        jdbc.sql("delete from signup_mail where email_key = 'moderator@example.org'")
                .update(); // 3 messages an hour
        Http http = http();
        Inbox.open();
        assertThat(http.postForm(
                                "/signup",
                                Map.of(
                                        "email",
                                        "moderator@example.org",
                                        "displayName",
                                        "Mo",
                                        "password",
                                        Learners.PASSWORD))
                        .statusCode())
                .isEqualTo(200);
        assertThat(http.get("/me").statusCode())
                .as("signing up alone gives nothing")
                .isEqualTo(302);
        assertThat(http.get("/moderation/reports").statusCode()).isEqualTo(302);
        assertThat(http.postForm("/confirm/" + Inbox.confirmationToken("moderator@example.org"), Map.of())
                        .statusCode())
                .isEqualTo(303);
        Document account = Jsoup.parse(http.get("/account").body());
        assertThat(account.select(".account-facts").text()).contains("Moderator");
        assertThat(account.select(".account-nav a").eachAttr("href")).contains("/moderation/reports");
        assertThat(http.get("/moderation/reports").statusCode()).isEqualTo(200);

        // an account whose address is not confirmed (as moderators from before confirmation are) has no rights,
        // not even after a restart applies the configuration, until it confirms the address
        jdbc.sql("update learner_account set email_verified_at = null, moderator = false "
                        + "where lower(email) = 'moderator@example.org'")
                .update();
        accounts.applyConfiguredModerators();
        Http unconfirmed = http();
        assertThat(Learners.logIn(unconfirmed, "moderator@example.org", Learners.PASSWORD)
                        .statusCode())
                .isEqualTo(302);
        Document page = Jsoup.parse(unconfirmed.get("/account").body());
        assertThat(page.select(".account-facts").text())
                .doesNotContain("Moderator")
                .contains("unconfirmed");
        assertThat(page.select("#unconfirmed").text()).contains("Your e-mail address is not confirmed.");
        assertThat(unconfirmed.get("/moderation/reports").statusCode()).isEqualTo(403);
        assertThat(unconfirmed.postForm("/account/confirmation", Map.of()).statusCode())
                .isEqualTo(303);
        assertThat(unconfirmed.get("/account?confirmation-sent").body())
                .contains("A new confirmation link is on its way");
        assertThat(unconfirmed
                        .postForm("/confirm/" + Inbox.confirmationToken("moderator@example.org"), Map.of())
                        .statusCode())
                .isEqualTo(303);
        assertThat(Jsoup.parse(unconfirmed.get("/account").body())
                        .select(".account-facts")
                        .text())
                .contains("Moderator")
                .doesNotContain("unconfirmed");
        accounts.applyConfiguredModerators();
        assertThat(jdbc.sql("select moderator from learner_account where lower(email) = 'moderator@example.org'")
                        .query(Boolean.class)
                        .single())
                .as("and keeps them at the next start")
                .isTrue();

        Http other = http();
        Learners.signUp(other, "plain");
        Document plain = Jsoup.parse(other.get("/account").body());
        assertThat(plain.select(".account-facts").text()).doesNotContain("Moderator");
        assertThat(plain.select(".account-nav a").eachAttr("href")).doesNotContain("/moderation/reports");
    }
}
