package org.netverks.learner;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netverks.IntegrationTest;
import org.netverks.web.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A signed-in learner's lab workspace in the account, over HTTP as the browser uses it: drafts per
 * exercise and the free lab (the newest edit wins across devices), and attempts recorded by checks.
 */
@IntegrationTest
class WorkspaceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String LESSON = "pg-first-select";
    private static final String WORKSPACE = "/api/me/workspace/" + LESSON;
    private static final String CHECK = "/api/lab/fixture/first-select/exercises/contact-label/check";
    private static final String RIGHT = "select id, full_name || ' <' || email || '>' as contact from customers";
    private static final String NO_SPACE = "select id, full_name || '<' || email || '>' as contact from customers";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private Http signedIn(String name) {
        Http http = new Http(port);
        Learners.signUp(http, name);
        return http;
    }

    private static JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> put(Http http, String slot, String sql, String savedAt) {
        return http.putJson(
                WORKSPACE + "/drafts/" + slot, JSON.writeValueAsString(Map.of("sql", sql, "savedAt", savedAt)));
    }

    private static JsonNode check(Http http, String sql) {
        return json(http.postJson(CHECK, JSON.writeValueAsString(Map.of("sql", sql))), 200);
    }

    @Test
    void eachExerciseAndTheFreeLabKeepTheirOwnDraftOnEveryDevice() {
        Http laptop = signedIn("drafts");
        JsonNode saved = json(put(laptop, "free", "select 1;", "2026-11-07T01:02:03Z"), 200);
        assertThat(saved.get("sql").asString()).isEqualTo("select 1;");
        assertThat(saved.get("savedAt").asString()).isEqualTo("2026-11-07T01:02:03Z");
        assertThat(saved.get("kept").asBoolean()).isTrue();
        json(put(laptop, "contact-label", "select id from customers", "2026-11-07T01:05:00.123Z"), 200);

        JsonNode workspace = json(laptop.getJson(WORKSPACE), 200);
        assertThat(workspace.get("drafts").get("free").get("sql").asString()).isEqualTo("select 1;");
        assertThat(workspace.get("drafts").get("contact-label").get("sql").asString())
                .isEqualTo("select id from customers");
        assertThat(workspace.get("drafts").get("contact-label").get("savedAt").asString())
                .isEqualTo("2026-11-07T01:05:00.123Z");
        assertThat(workspace.get("attempts").isEmpty()).isTrue();
        assertThat(json(laptop.getJson("/api/me/workspace/pg-joins"), 200)
                        .get("drafts")
                        .isEmpty())
                .as("drafts belong to their lesson")
                .isTrue();
    }

    @Test
    void aNulCharacterInADraftOrAnAnswerIsKeptAsAReplacementCharacter() {
        Http http = signedIn("nul");
        JsonNode saved = json(put(http, "free", "select 1\u0000;", "2026-11-07T01:02:03Z"), 200);
        assertThat(saved.get("sql").asString()).isEqualTo("select 1\uFFFD;");
        check(http, "select 'a\u0000b'");
        JsonNode attempt = json(http.getJson(WORKSPACE), 200)
                .get("attempts")
                .get("contact-label")
                .get(0);
        assertThat(attempt.get("sql").asString()).isEqualTo("select 'a\uFFFDb'");
    }

    @Test
    void theNewestEditWinsAndAnOlderOneIsToldItLost() {
        Http http = signedIn("newest");
        json(put(http, "free", "select 'phone';", "2026-11-07T02:00:00Z"), 200);
        JsonNode older = json(put(http, "free", "select 'laptop';", "2026-11-07T01:00:00Z"), 200);
        assertThat(older.get("kept").asBoolean()).isFalse();
        assertThat(older.get("sql").asString()).isEqualTo("select 'phone';");
        assertThat(older.get("savedAt").asString()).isEqualTo("2026-11-07T02:00:00Z");

        JsonNode newer = json(put(http, "free", "select 'laptop again';", "2026-11-07T03:00:00Z"), 200);
        assertThat(newer.get("kept").asBoolean()).isTrue();
        assertThat(json(http.getJson(WORKSPACE), 200)
                        .get("drafts")
                        .get("free")
                        .get("sql")
                        .asString())
                .isEqualTo("select 'laptop again';");
    }

    @Test
    void aTimeInTheFutureCountsAsNowSoAFastClockDoesNotWinEveryLaterEdit() {
        Http http = signedIn("future");
        Instant before = Instant.now();
        JsonNode saved = json(put(http, "free", "select 'fast clock';", "2099-01-01T00:00:00Z"), 200);
        Instant stored = Instant.parse(saved.get("savedAt").asString());
        assertThat(stored).isBetween(before.minusSeconds(1), Instant.now());
        JsonNode later = json(
                put(
                        http,
                        "free",
                        "select 'right clock';",
                        Instant.now().plusMillis(5).toString()),
                200);
        assertThat(later.get("kept").asBoolean()).isTrue();
    }

    @Test
    void anEmptyDraftDeletesTheStoredOneUnlessThatIsNewer() {
        Http http = new Http(port);
        String email = Learners.signUp(http, "empty");
        json(put(http, "contact-label", "select 1", "2026-11-07T02:00:00Z"), 200);
        JsonNode tooOld = json(put(http, "contact-label", "", "2026-11-07T01:00:00Z"), 200);
        assertThat(tooOld.get("kept").asBoolean()).isFalse();
        assertThat(tooOld.get("sql").asString()).isEqualTo("select 1");

        JsonNode emptied = json(put(http, "contact-label", "", "2026-11-07T03:00:00Z"), 200);
        assertThat(emptied.get("kept").asBoolean()).isTrue();
        assertThat(emptied.get("sql").asString()).isEmpty();
        assertThat(json(http.getJson(WORKSPACE), 200).get("drafts").has("contact-label"))
                .isFalse();
        assertThat(jdbc.sql("select count(*) from workspace_draft d join learner_account a on a.id = d.account_id"
                                + " where a.email = :email")
                        .param("email", email)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void anUnknownLessonOrSlotIsNotFoundAndSaysWhich() {
        Http http = signedIn("unknown");
        assertThat(json(http.getJson("/api/me/workspace/pg-no-such-lesson"), 404)
                        .get("error")
                        .asString())
                .contains("no lesson with the id 'pg-no-such-lesson'");
        assertThat(json(
                                http.putJson(
                                        "/api/me/workspace/pg-no-such-lesson/drafts/free",
                                        "{\"sql\": \"select 1\", \"savedAt\": \"2026-11-07T01:00:00Z\"}"),
                                404)
                        .get("error")
                        .asString())
                .contains("pg-no-such-lesson");
        assertThat(json(put(http, "no-such-exercise", "select 1", "2026-11-07T01:00:00Z"), 404)
                        .get("error")
                        .asString())
                .contains("no exercise 'no-such-exercise'", "free");
        assertThat(json(
                        http.putJson(
                                "/api/me/workspace/pg-joins/drafts/contact-label",
                                "{\"sql\": \"select 1\", \"savedAt\": \"2026-11-07T01:00:00Z\"}"),
                        404))
                .as("an exercise of another lesson")
                .isNotNull();
    }

    @Test
    void aDraftLargerThanTheLabRunsIsRefusedNamingTheLimitAndBadBodiesAreBadRequests() {
        Http http = signedIn("large");
        JsonNode tooLarge =
                json(put(http, "free", "select 1;\n".repeat(64 * 1024 / 10 + 1), "2026-11-07T01:00:00Z"), 413);
        assertThat(tooLarge.get("limit").asString()).isEqualTo("SQL size limit");
        assertThat(tooLarge.get("error").asString()).contains("at most 64 KB", "SQL size limit");
        assertThat(json(put(http, "free", "select 1;\n".repeat(64 * 1024 / 10), "2026-11-07T01:00:00Z"), 200)
                        .get("kept")
                        .asBoolean())
                .as("64 KB itself is kept")
                .isTrue();

        assertThat(json(http.putJson(WORKSPACE + "/drafts/free", "{\"sql\": \"select 1\"}"), 400)
                        .get("error")
                        .asString())
                .contains("savedAt");
        assertThat(json(put(http, "free", "select 1", "yesterday"), 400)
                        .get("error")
                        .asString())
                .contains("savedAt", "ISO-8601", "'yesterday'");
        assertThat(json(http.putJson(WORKSPACE + "/drafts/free", "{\"savedAt\": \"2026-11-07T01:00:00Z\"}"), 400)
                        .get("error")
                        .asString())
                .contains("sql");
        assertThat(http.putJson(WORKSPACE + "/drafts/free", "{not json").statusCode())
                .isEqualTo(400);
        assertThat(http.putJson(WORKSPACE + "/drafts/free", "null").statusCode())
                .isEqualTo(400);
    }

    @Test
    void aSignedOutLearnerIsToldToLogIn() {
        Http anonymous = new Http(port);
        JsonNode refused = json(anonymous.getJson(WORKSPACE), 401);
        assertThat(refused.get("error").asString()).contains("Log in first");
        assertThat(put(anonymous, "free", "select 1", "2026-11-07T01:00:00Z").statusCode())
                .isEqualTo(401);
        assertThat(json(new Http(port).getJson("/api/progress"), 401))
                .as("the same answer as the progress API")
                .isEqualTo(refused);
    }

    @Test
    void aSignedInLearnersChecksAreKeptNewestFirstWithTheVerdictInWords() {
        Http http = signedIn("attempts");
        JsonNode wrong = check(http, NO_SPACE);
        assertThat(wrong.get("correct").asBoolean()).isFalse();
        JsonNode wrongAttempt = wrong.get("attempt");
        assertThat(wrongAttempt.get("correct").asBoolean()).isFalse();
        assertThat(wrongAttempt.get("sql").asString()).isEqualTo(NO_SPACE);
        assertThat(wrongAttempt.get("summary").asString())
                .isEqualTo(wrong.get("feedback").get(0).get("message").asString());
        JsonNode right = check(http, RIGHT);
        assertThat(right.get("attempt").get("summary").asString()).isEqualTo("Solved");

        JsonNode attempts = json(http.getJson(WORKSPACE), 200).get("attempts").get("contact-label");
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(0)).as("newest first, as the check answered it").isEqualTo(right.get("attempt"));
        assertThat(attempts.get(1)).isEqualTo(wrongAttempt);
        assertThat(Instant.parse(attempts.get(0).get("at").asString()))
                .isBetween(Instant.now().minus(Duration.ofMinutes(1)), Instant.now());
    }

    @Test
    void twentyOneChecksKeepTheNewestTwenty() {
        Http http = new Http(port);
        String email = Learners.signUp(http, "many");
        List<String> sent = new ArrayList<>();
        for (int i = 1; i <= 21; i++) {
            String sql = "select id, full_name as contact from customers where id > " + i;
            sent.add(0, sql);
            check(http, sql);
        }
        JsonNode attempts = json(http.getJson(WORKSPACE), 200).get("attempts").get("contact-label");
        List<String> kept = new ArrayList<>();
        attempts.forEach(attempt -> kept.add(attempt.get("sql").asString()));
        assertThat(kept).isEqualTo(sent.subList(0, 20));
        assertThat(jdbc.sql(
                                """
                        select count(*) from exercise_attempt t join learner_account a on a.id = t.account_id
                        where a.email = :email""")
                        .param("email", email)
                        .query(Integer.class)
                        .single())
                .as("the oldest is deleted, not only hidden")
                .isEqualTo(20);
    }

    @Test
    void anAnonymousCheckStoresNothingButAnswersTheAttemptForTheBrowsersHistory() {
        Http anonymous = new Http(port);
        int before = jdbc.sql("select count(*) from exercise_attempt")
                .query(Integer.class)
                .single();
        JsonNode verdict = check(anonymous, NO_SPACE);
        JsonNode attempt = verdict.get("attempt");
        assertThat(attempt.get("correct").asBoolean()).isFalse();
        assertThat(attempt.get("sql").asString()).isEqualTo(NO_SPACE);
        assertThat(attempt.get("summary").asString()).isNotBlank().hasSizeLessThanOrEqualTo(200);
        assertThat(Instant.parse(attempt.get("at").asString()))
                .isBefore(Instant.now().plusSeconds(1));
        assertThat(jdbc.sql("select count(*) from exercise_attempt")
                        .query(Integer.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void anAttemptThatCannotBeKeptStillGetsItsVerdict() {
        Http http = new Http(port);
        String email = Learners.signUp(http, "gone");
        // the account disappears under a live session: keeping the attempt fails on its foreign key
        jdbc.sql("delete from learner_account where email = :email")
                .param("email", email)
                .update();
        JsonNode verdict = check(http, RIGHT);
        assertThat(verdict.get("correct").asBoolean()).isTrue();
        assertThat(verdict.get("attempt").get("summary").asString()).isEqualTo("Solved");
    }

    @Test
    void theExportHoldsDraftsAndAttemptsAndDeletingTheAccountRemovesThem() {
        Http http = new Http(port);
        String email = Learners.signUp(http, "leaving");
        json(put(http, "free", "select 'my draft';", "2026-11-07T01:00:00Z"), 200);
        check(http, NO_SPACE);

        JsonNode workspace = json(http.getJson("/account/export"), 200).get("workspace");
        assertThat(workspace.get("drafts").get(0).get("lessonId").asString()).isEqualTo(LESSON);
        assertThat(workspace.get("drafts").get(0).get("slot").asString()).isEqualTo("free");
        assertThat(workspace.get("drafts").get(0).get("sql").asString()).isEqualTo("select 'my draft';");
        assertThat(workspace.get("attempts").get(0).get("exerciseId").asString())
                .isEqualTo("contact-label");
        assertThat(workspace.get("attempts").get(0).get("sql").asString()).isEqualTo(NO_SPACE);

        String account = jdbc.sql("select id::text from learner_account where email = :email")
                .param("email", email)
                .query(String.class)
                .single();
        assertThat(http.postForm("/account/delete", Map.of("password", Learners.PASSWORD))
                        .statusCode())
                .isEqualTo(303);
        for (String table : List.of("workspace_draft", "exercise_attempt")) {
            assertThat(jdbc.sql("select count(*) from " + table + " where account_id = :account::uuid")
                            .param("account", account)
                            .query(Integer.class)
                            .single())
                    .as(table)
                    .isZero();
        }
    }
}
