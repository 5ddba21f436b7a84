package org.netverks.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netverks.IntegrationTest;
import org.netverks.web.Http;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Timeline exercises graded through the API on real PostgreSQL: the timeline is replayed with the
 * learner's steps on a fresh copy with two sessions, and each broken expectation is explained.
 */
@IntegrationTest
class TimelineGradingTest {

    private static final String EXERCISES = TwoSessionLabTest.LESSON + "/exercises";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private HttpResponse<String> checkRaw(Http http, String exercise, Object body) {
        return http.postJson(EXERCISES + "/" + exercise + "/check", JSON.writeValueAsString(body));
    }

    private JsonNode check(String exercise, String... steps) {
        HttpResponse<String> response = checkRaw(new Http(port), exercise, Map.of("steps", List.of(steps)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String firstFeedback(JsonNode verdict) {
        return verdict.get("feedback").get(0).get("message").asString();
    }

    @Test
    void theListShowsTheStepsButNotTheLearnersUntilSolved() {
        HttpResponse<String> list = new Http(port).getJson(EXERCISES);
        JsonNode exercise = JSON.readTree(list.body()).get(0);
        JsonNode steps = exercise.get("timeline");
        assertThat(steps).hasSize(5);
        assertThat(steps.get(0).get("sql").asString()).isEqualTo("begin;");
        assertThat(steps.get(1).get("yours").asBoolean()).isTrue();
        assertThat(steps.get(1).get("sql").isNull()).isTrue();
        assertThat(steps.get(1).get("prompt").asString()).startsWith("Read the balance");
        assertThat(steps.get(2).get("expect").asString()).isEqualTo("waits");
        assertThat(steps.get(2).get("then").asString()).isEqualTo("completes");
        assertThat(exercise.get("rules").get(0).asString()).contains("replaying the timeline");
    }

    @Test
    void theReferenceStepsAreCorrect() {
        JsonNode verdict = check("lost-update-for-update", "select balance from accounts where id = 3 for update;");
        assertThat(verdict.get("correct").asBoolean()).as(verdict.toString()).isTrue();
        assertThat(verdict.get("solution").asString()).contains("-- step 2 (A)");
        assertThat(verdict.get("attempt").get("sql").asString())
                .isEqualTo("-- step 2 (A)\nselect balance from accounts where id = 3 for update;\n");
    }

    @Test
    void aStepThatShouldHaveWaitedButCompletedIsExplained() {
        JsonNode verdict = check("lost-update-for-update", "select balance from accounts where id = 3;");
        assertThat(verdict.get("correct").asBoolean()).isFalse();
        assertThat(verdict.get("feedback").get(0).get("kind").asString()).isEqualTo("timeline_step");
        assertThat(firstFeedback(verdict))
                .isEqualTo("Step 3 (session B) should have waited for a lock, but it completed: nothing locked the "
                        + "row, so B read the balance A is about to change.");
    }

    @Test
    void aStepThatShouldHaveCompletedButFailedIsExplained() {
        JsonNode verdict = check("lost-update-for-update", "select 1/0;");
        assertThat(firstFeedback(verdict))
                .isEqualTo("Step 2 (session A) should have completed, but it failed: ERROR: division by zero "
                        + "(SQLSTATE 22012).");
    }

    @Test
    void aSerializationFailureIsExpectedAndTheRetryGraded() {
        JsonNode right = check(
                "serializable-write-skew",
                "begin isolation level serializable; select sum(balance) from accounts where id in (1, 2); "
                        + "update accounts set balance = balance - 1 where id = 2; commit;");
        assertThat(right.get("correct").asBoolean()).as(right.toString()).isTrue();
        JsonNode noRetry = check("serializable-write-skew", "select 1;");
        assertThat(noRetry.get("correct").asBoolean()).isFalse();
        assertThat(firstFeedback(noRetry))
                .isEqualTo("Every step did what it should, but the data afterwards is not what the task asks for.");
    }

    @Test
    void aDeadlockEndsTheSessionThatWaitedFirst() {
        JsonNode right = check("deadlock", "update accounts set balance = balance + 1 where id = 1;");
        assertThat(right.get("correct").asBoolean()).as(right.toString()).isTrue();
        JsonNode none = check("deadlock", "select 1;");
        assertThat(firstFeedback(none))
                .isEqualTo("Step 4 (session B) should have waited for a lock, but it completed: B must ask for the "
                        + "row A holds.");
    }

    @Test
    void anAnswerOfTheWrongShapeIsRefusedWithA400() {
        Http http = new Http(port);
        HttpResponse<String> script = checkRaw(http, "lost-update-for-update", Map.of("sql", "select 1"));
        assertThat(script.statusCode()).isEqualTo(400);
        assertThat(script.body()).contains("This exercise is a timeline: send your 1 step(s)");
        HttpResponse<String> two = checkRaw(http, "lost-update-for-update", Map.of("steps", List.of("a", "b")));
        assertThat(two.statusCode()).isEqualTo(400);
        assertThat(two.body()).contains("This timeline has 1 step(s) for you to write; your answer has 2.");
        HttpResponse<String> blank = checkRaw(http, "lost-update-for-update", Map.of("steps", List.of(" ")));
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("Step 2 is empty");
    }
}
