package org.netverks.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.netverks.IntegrationTest;
import org.netverks.web.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Quiz answers and the content mirror; the pages themselves are in ContentPagesSliceTest. */
@IntegrationTest
class TrackAndQuizTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ContentCatalog catalog;

    private Http http() {
        return new Http(port);
    }

    @Test
    void quizAnswersAreCheckedByTheServer() {
        Lesson.QuizQuestion question = firstQuestion();
        Lesson.QuizChoice right = question.choices().stream()
                .filter(Lesson.QuizChoice::correct)
                .findFirst()
                .orElseThrow();
        Lesson.QuizChoice wrong = question.choices().stream()
                .filter(c -> !c.correct())
                .findFirst()
                .orElseThrow();
        String url = "/api/quiz/fixture/postgresql-with-python/" + question.id();

        HttpResponse<String> rightAnswer = http().postJson(url, "{\"choice\":\"" + right.id() + "\"}");
        assertThat(rightAnswer.statusCode()).isEqualTo(200);
        assertThat(rightAnswer.body()).contains("\"correct\":true").contains("\"explanationHtml\"");

        HttpResponse<String> wrongAnswer = http().postJson(url, "{\"choice\":\"" + wrong.id() + "\"}");
        assertThat(wrongAnswer.statusCode()).isEqualTo(200);
        assertThat(wrongAnswer.body())
                .contains("\"correct\":false")
                .as("a wrong answer's verdict names the right choice and explains it")
                .contains("\"rightChoice\":\"" + right.id() + "\"")
                .contains("\"rightExplanationHtml\":\"");
        assertThat(rightAnswer.body()).contains("\"rightChoice\":null");
    }

    @Test
    void malformedQuizSubmissionsGet400WithAMessage() {
        String url =
                "/api/quiz/fixture/postgresql-with-python/" + firstQuestion().id();
        assertBadRequest(http().postJson(url, "{not json"), "not valid JSON");
        assertBadRequest(http().postJson(url, "{}"), "Send the chosen answer");
        assertBadRequest(http().postJson(url, "{\"choice\": \"zz\"}"), "is not one of this question's choices");
        assertBadRequest(http().postJson(url, "{\"choice\": 42}"), "is not one of this question's choices");
        HttpResponse<String> form = http().post(url, "application/x-www-form-urlencoded", "choice=a");
        assertThat(form.statusCode()).isEqualTo(415);
        assertThat(form.body()).contains("application/json");
    }

    @Test
    void unknownQuizTargetsAre404s() {
        assertThat(http().postJson("/api/quiz/fixture/postgresql-with-python/nope", "{\"choice\":\"a\"}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(http().postJson("/api/quiz/fixture/nope/q", "{\"choice\":\"a\"}")
                        .statusCode())
                .isEqualTo(404);
        assertThat(http().postJson("/api/quiz/fixture/postgis-teaser/q", "{\"choice\":\"a\"}")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void theLoadedContentIsMirroredIntoTheDatabaseByStableIds() {
        int rows = jdbc.sql("select count(*) from content_lesson where track_id = 'fixture' and not retired")
                .query(Integer.class)
                .single();
        assertThat(rows).isEqualTo(36);
        String python = jdbc.sql("select id from content_lesson where position = 33 and track_id = 'fixture'")
                .query(String.class)
                .single();
        assertThat(python).isEqualTo("pg-postgresql-with-python");
        catalog.reload();
        assertThat(jdbc.sql("select count(*) from content_lesson")
                        .query(Integer.class)
                        .single())
                .as("reloading is idempotent")
                .isEqualTo(36);
    }

    @Test
    void contentCanBeReloadedFromLocalhost() {
        HttpResponse<String> response = http().post("/admin/content/reload", "application/json", "");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"tracks\":1");
    }

    @Test
    void signUpAndLogInLinksLeadToTheirForms() {
        assertThat(http().page("/signup").selectFirst("h1").text()).isEqualTo("Sign up");
        assertThat(http().page("/login").selectFirst("h1").text()).isEqualTo("Log in");
    }

    @Test
    void healthEndpointIsUp() {
        HttpResponse<String> health = http().getJson("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"UP\"");
    }

    private Lesson.QuizQuestion firstQuestion() {
        return catalog.current()
                .track("fixture")
                .orElseThrow()
                .step("postgresql-with-python")
                .orElseThrow()
                .lesson()
                .parts()
                .quiz()
                .get(0);
    }

    private static void assertBadRequest(HttpResponse<String> response, String message) {
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains(message);
    }
}
