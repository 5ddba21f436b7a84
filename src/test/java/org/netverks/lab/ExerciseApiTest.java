package org.netverks.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netverks.IntegrationTest;
import org.netverks.content.ContentCatalog;
import org.netverks.content.Exercise;
import org.netverks.web.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The exercise API as a learner's browser uses it, on the shipped exercises of "Your first SELECT". */
@IntegrationTest
class ExerciseApiTest {

    private static final String LESSON = "/api/lab/fixture/first-select";
    private static final String EXERCISES = LESSON + "/exercises";
    private static final String CONTACT_RIGHT =
            "select id, full_name || ' <' || email || '>' as contact from customers";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    ContentCatalog content;

    private static JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> check(Http http, String exercise, String sql) {
        return http.postJson(EXERCISES + "/" + exercise + "/check", JSON.writeValueAsString(Map.of("sql", sql)));
    }

    private static List<String> kinds(JsonNode verdict) {
        List<String> kinds = new ArrayList<>();
        verdict.get("feedback").forEach(item -> kinds.add(item.get("kind").asString()));
        return kinds;
    }

    private List<Exercise> shipped() {
        return content.current()
                .lesson("fixture", "first-select")
                .orElseThrow()
                .lesson()
                .exercises();
    }

    @Test
    void theListAndThePageShowTasksAndRulesButNeverSolutionsOrWrongAnswers() {
        Http http = new Http(port);
        JsonNode list = json(http.getJson(EXERCISES), 200);
        assertThat(list.size()).isEqualTo(shipped().size()).isGreaterThanOrEqualTo(3);
        JsonNode contact = list.get(1);
        assertThat(contact.get("id").asString()).isEqualTo("contact-label");
        assertThat(contact.get("hints").asInt()).isEqualTo(2);
        assertThat(contact.get("solution").isNull()).isTrue();
        assertThat(contact.get("explanationHtml").isNull()).isTrue();
        assertThat(contact.get("alternatives").isNull()).isTrue();
        assertThat(contact.get("rules").toString()).contains("Row order does not matter.", "Column names must match");
        String page = http.get("/tracks/fixture/first-select").body();
        assertThat(page).contains("A contact label for every customer", "Row order does not matter.");
        for (Exercise exercise : shipped()) {
            String solution = exercise.solution().strip();
            assertThat(list.toString()).doesNotContain(JSON.writeValueAsString(solution));
            assertThat(page)
                    .doesNotContain(solution)
                    .doesNotContain(org.springframework.web.util.HtmlUtils.htmlEscape(solution));
            for (String alternative : exercise.alternatives()) {
                assertThat(list.toString()).doesNotContain(JSON.writeValueAsString(alternative));
                assertThat(page).doesNotContain(org.springframework.web.util.HtmlUtils.htmlEscape(alternative));
            }
            if (exercise.explanationHtml() != null) {
                assertThat(page).doesNotContain(exercise.explanationHtml().strip());
            }
            for (Exercise.KnownWrong wrong : exercise.knownWrong()) {
                assertThat(page)
                        .doesNotContain(org.springframework.web.util.HtmlUtils.htmlEscape(
                                wrong.sql().strip()));
            }
        }
    }

    @Test
    void aWrongAnswerIsExplainedWithTheLearnersOwnRowsAndARightOneShowsTheSolution() {
        Http http = new Http(port);
        JsonNode wrong = json(
                check(http, "contact-label", "select id, full_name || '<' || email || '>' as contact from customers"),
                200);
        assertThat(wrong.get("correct").asBoolean()).isFalse();
        assertThat(kinds(wrong)).containsExactly("values");
        assertThat(wrong.get("feedback").get(0).get("examples").get(0).get(1).asString())
                .contains("<")
                .doesNotContain(" <");
        assertThat(wrong.get("solution").isNull()).isTrue();
        assertThat(wrong.get("explanationHtml").isNull()).isTrue();
        assertThat(wrong.get("alternatives").isNull()).isTrue();

        JsonNode right = json(check(http, "contact-label", CONTACT_RIGHT), 200);
        assertThat(right.get("correct").asBoolean()).isTrue();
        assertThat(kinds(right)).containsExactly("correct");
        assertThat(right.get("solution").asString()).contains("full_name");
        assertThat(right.get("explanationHtml").asString()).startsWith("<p><code>||</code> glues text together");
        assertThat(right.get("alternatives").get(1).asString()).contains("format('%s <%s>'");
        JsonNode listed = json(http.getJson(EXERCISES), 200).get(1);
        assertThat(listed.get("solved").asBoolean()).isTrue();
        assertThat(listed.get("solution").asString()).contains("full_name");
        assertThat(listed.get("explanationHtml").asString()).contains("forget the space");
        assertThat(listed.get("alternatives").size()).isEqualTo(2);
        JsonNode anotherLearner = json(new Http(port).getJson(EXERCISES), 200).get(1);
        assertThat(anotherLearner.get("explanationHtml").isNull())
                .as("another session has not solved it")
                .isTrue();
        assertThat(anotherLearner.get("alternatives").isNull()).isTrue();
    }

    @Test
    void answersAreGradedOnPristineDataAndGradingLeavesTheSandboxAlone() {
        Http http = new Http(port);
        JsonNode wrecked = JSON.readTree(http.postJson(
                        LESSON + "/run",
                        JSON.writeValueAsString(Map.of(
                                "sql",
                                "delete from order_items; delete from orders; delete from transfers; delete from accounts; "
                                        + "delete from customers; alter table customers drop column email;")))
                .body());
        wrecked.get("results")
                .forEach(result -> assertThat(result.get("kind").asString()).isEqualTo("command"));

        JsonNode verdict = json(check(http, "contact-label", CONTACT_RIGHT), 200);
        assertThat(verdict.get("correct").asBoolean()).as(verdict.toString()).isTrue();

        JsonNode after = JSON.readTree(
                http.postJson(LESSON + "/run", JSON.writeValueAsString(Map.of("sql", "select count(*) from customers")))
                        .body());
        assertThat(after.get("results").get(0).get("rows").get(0).get(0).asString())
                .isEqualTo("0");
    }

    @Test
    void hintsComeOneAtATimeAndAreRememberedForTheSession() {
        Http http = new Http(port);
        JsonNode first = json(http.postJson(EXERCISES + "/contact-label/hint", ""), 200);
        assertThat(first.get("number").asInt()).isEqualTo(1);
        assertThat(first.get("total").asInt()).isEqualTo(2);
        assertThat(first.get("hintHtml").asString()).startsWith("<p>");
        JsonNode second = json(http.postJson(EXERCISES + "/contact-label/hint", ""), 200);
        assertThat(second.get("number").asInt()).isEqualTo(2);
        assertThat(second.get("hintHtml").asString())
                .isNotEqualTo(first.get("hintHtml").asString());
        JsonNode none = json(http.postJson(EXERCISES + "/contact-label/hint", ""), 409);
        assertThat(none.get("error").asString()).isEqualTo("You have seen all 2 hints of this exercise.");
        JsonNode listed = json(http.getJson(EXERCISES), 200).get(1);
        assertThat(listed.get("revealedHints").size()).isEqualTo(2);
        assertThat(json(new Http(port).getJson(EXERCISES), 200)
                        .get(1)
                        .get("revealedHints")
                        .size())
                .as("another learner has seen none")
                .isZero();
    }

    @Test
    void badRequestsGetClearMessagesAndTheRightStatus() {
        Http http = new Http(port);
        assertThat(json(check(http, "nope", "select 1"), 404).get("error").asString())
                .isEqualTo("The lesson “Your first SELECT” has no exercise 'nope'.");
        assertThat(json(
                                http.postJson(
                                        "/api/lab/fixture/no-such-lesson/exercises/x/check", "{\"sql\": \"select 1\"}"),
                                404)
                        .get("error")
                        .asString())
                .contains("There is no lesson fixture/no-such-lesson");
        assertThat(json(check(http, "contact-label", "  \n "), 400).get("error").asString())
                .contains("Your answer is empty");
        assertThat(json(http.postJson(EXERCISES + "/contact-label/check", "{}"), 400)
                        .get("error")
                        .asString())
                .contains("{\"sql\"");
        JsonNode tooBig = json(check(http, "contact-label", "select 1 -- " + "x".repeat(70_000)), 413);
        assertThat(tooBig.get("limit").asString()).isEqualTo("SQL size limit");
        assertThat(http.postWithoutCsrf(EXERCISES + "/contact-label/check", "{\"sql\": \"select 1\"}")
                        .statusCode())
                .isEqualTo(403);
    }
}
