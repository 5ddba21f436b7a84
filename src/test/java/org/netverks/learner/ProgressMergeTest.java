package org.netverks.learner;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.netverks.IntegrationTest;
import org.netverks.web.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Merging a browser's progress into an account: nothing lost, nothing counted twice, the newer change wins.
 * {@link #BROWSER} holds every kind of {@link ProgressChange}, so that merging it twice shows each rule is safe to repeat.
 */
@IntegrationTest
class ProgressMergeTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private static JsonNode merge(Http http, String lessons) {
        HttpResponse<String> response = http.postJson("/api/progress/merge", "{\"lessons\": " + lessons + "}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static final String BROWSER =
            """
            {"pg-joins": {"openedAt": "2026-11-01T10:00:00Z", "completedAt": "2026-11-02T10:00:00Z",
              "confidence": {"value": 2, "savedAt": "2026-11-02T10:00:00Z"},
              "quiz": {"left-join-nulls": {"choice": "b", "correct": true, "answeredAt": "2026-11-02T10:05:00Z"}},
              "exercises": {"accounts-per-customer": {"solvedAt": "2026-11-02T11:00:00Z"}},
              "cards": {"left-join": {"rating": "good", "ratedAt": "2026-11-03T09:00:00Z", "flippedAt": "2026-11-03T08:59:00Z",
                                      "reviews": [{"rating": "good", "ratedAt": "2026-11-02T09:00:00Z"},
                                                  {"rating": "good", "ratedAt": "2026-11-03T09:00:00Z"}]}}},
             "pg-first-select": {"openedAt": "2026-11-01T09:00:00Z"}}""";

    @Test
    void mergingTwiceChangesNothing() {
        Http http = new Http(port);
        Learners.signUp(http, "twice");
        JsonNode once = merge(http, BROWSER);
        JsonNode twice = merge(http, BROWSER);
        assertThat(twice).isEqualTo(once);
        JsonNode card = twice.get("lessons").get("pg-joins").get("cards").get("left-join");
        assertThat(card.get("reviews").size()).as("each rating once").isEqualTo(2);
        assertThat(card.get("dueOn").asString()).isEqualTo("2026-11-09"); // good, good: 1 day, then 6
        assertThat(card.get("flippedAt").asString()).isEqualTo("2026-11-03T08:59:00Z");
        assertThat(JSON.readTree(http.getJson("/api/progress").body()).get("lessons"))
                .isEqualTo(twice.get("lessons"));
    }

    @Test
    void theNewerConfidenceAndQuizAnswerWinAndTheEarliestOpeningAndSolvingCount() {
        Http http = new Http(port);
        Learners.signUp(http, "rules");
        merge(http, BROWSER);
        JsonNode merged = merge(
                        http,
                        """
                {"pg-joins": {"openedAt": "2026-11-05T10:00:00Z",
                  "confidence": {"value": 5, "savedAt": "2026-11-01T08:00:00Z"},
                  "quiz": {"left-join-nulls": {"choice": "a", "correct": false, "answeredAt": "2026-11-01T08:00:00Z"}},
                  "exercises": {"accounts-per-customer": {"solvedAt": "2026-11-06T11:00:00Z"}}}}""")
                .get("lessons")
                .get("pg-joins");
        assertThat(merged.get("openedAt").asString()).isEqualTo("2026-11-01T10:00:00Z");
        assertThat(merged.get("confidence").get("value").asInt())
                .as("an older rating does not win")
                .isEqualTo(2);
        assertThat(merged.get("quiz").get("left-join-nulls").get("choice").asString())
                .isEqualTo("b");
        assertThat(merged.get("exercises")
                        .get("accounts-per-customer")
                        .get("solvedAt")
                        .asString())
                .isEqualTo("2026-11-02T11:00:00Z");

        JsonNode newer = merge(
                        http,
                        """
                {"pg-joins": {"confidence": {"value": 4, "savedAt": "2026-11-07T08:00:00Z"},
                              "uncompletedAt": "2026-11-07T08:00:00Z"}}""")
                .get("lessons")
                .get("pg-joins");
        assertThat(newer.get("confidence").get("value").asInt()).isEqualTo(4);
        assertThat(newer.has("completedAt"))
                .as("the newer 'not complete' mark wins")
                .isFalse();
        assertThat(newer.get("uncompletedAt").asString()).isEqualTo("2026-11-07T08:00:00Z");
        JsonNode again = merge(http, "{\"pg-joins\": {\"completedAt\": \"2026-11-02T10:00:00Z\"}}")
                .get("lessons")
                .get("pg-joins");
        assertThat(again.has("completedAt"))
                .as("an older completion does not undo it")
                .isFalse();
    }

    @Test
    void quizResultsAreCheckedAgainstTheContentNotTakenFromTheBrowser() {
        Http http = new Http(port);
        Learners.signUp(http, "quiz");
        String lesson = http.get("/tracks/fixture/joins").body();
        org.jsoup.nodes.Element question = org.jsoup.Jsoup.parse(lesson).selectFirst("form.quiz-question");
        String questionId = question.attr("data-question-id");
        JsonNode stored = null;
        java.time.Instant answeredAt = java.time.Instant.parse("2026-11-01T10:00:00Z");
        for (org.jsoup.nodes.Element choice : question.select("input[name=choice]")) {
            String verdict = http.postJson(
                            "/api/quiz/fixture/joins/" + questionId, "{\"choice\": \"" + choice.attr("value") + "\"}")
                    .body();
            boolean right = JSON.readTree(verdict).get("correct").asBoolean();
            stored = merge(
                    http,
                    "{\"pg-joins\": {\"quiz\": {\"" + questionId + "\": {\"choice\": \"" + choice.attr("value")
                            + "\", \"correct\": true, \"answeredAt\": \"" + answeredAt + "\"}}}}");
            assertThat(stored.get("lessons")
                            .get("pg-joins")
                            .get("quiz")
                            .get(questionId)
                            .get("correct")
                            .asBoolean())
                    .as("choice " + choice.attr("value"))
                    .isEqualTo(right);
            answeredAt = answeredAt.plusSeconds(1); // the next answer is newer: the newer one wins
        }
        assertThat(stored).isNotNull();
    }

    @Test
    void oneLearnersProgressIsNeverAnothersAndAnonymousCallersGet401() {
        Http ana = new Http(port);
        Learners.signUp(ana, "mine");
        merge(ana, "{\"pg-indexes\": {\"openedAt\": \"2026-11-01T10:00:00Z\"}}");
        Http bo = new Http(port);
        Learners.signUp(bo, "yours");
        assertThat(JSON.readTree(bo.getJson("/api/progress").body())
                        .get("lessons")
                        .has("pg-indexes"))
                .isFalse();
        Http anonymous = new Http(port);
        HttpResponse<String> refused = anonymous.postJson("/api/progress/merge", "{\"lessons\": {}}");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("Log in first");
    }

    @Test
    void badProgressIsRefusedWithAReasonAndChangesNothing() {
        Http http = new Http(port);
        Learners.signUp(http, "bad");
        merge(http, "{\"pg-joins\": {\"confidence\": {\"value\": 3, \"savedAt\": \"2026-11-01T10:00:00Z\"}}}");
        assertThat(http.postJson("/api/progress/merge", "{\"nope\": 1}").statusCode())
                .isEqualTo(400);
        HttpResponse<String> badTime =
                http.postJson("/api/progress/merge", "{\"lessons\": {\"pg-joins\": {\"openedAt\": \"yesterday\"}}}");
        assertThat(badTime.statusCode()).isEqualTo(400);
        assertThat(badTime.body()).contains("'yesterday' is not a time like 2026-11-24T09:30:00Z.");
        assertThat(http.postJson("/api/progress/merge", "{\"lessons\": {\"../etc\": {}}}")
                        .statusCode())
                .isEqualTo(400);
        HttpResponse<String> sure = http.postJson(
                "/api/progress/merge",
                "{\"lessons\": {\"pg-joins\": {\"confidence\": {\"value\": 9, \"savedAt\": \"2026-11-09T10:00:00Z\"}}}}");
        assertThat(sure.statusCode()).isEqualTo(400);
        assertThat(sure.body()).contains("A confidence rating is 1 to 5, not 9.");
        assertThat(JSON.readTree(http.getJson("/api/progress").body())
                        .get("lessons")
                        .get("pg-joins")
                        .get("confidence")
                        .get("value")
                        .asInt())
                .isEqualTo(3);
        JsonNode future =
                merge(http, "{\"pg-joins\": {\"confidence\": {\"value\": 1, \"savedAt\": \"2099-01-01T00:00:00Z\"}}}");
        assertThat(future.get("lessons")
                        .get("pg-joins")
                        .get("confidence")
                        .get("savedAt")
                        .asString())
                .as("a clock in the future counts as now")
                .startsWith(java.time.Year.now().toString());
    }

    @Test
    void aConfidenceRatingSentWithoutItsTimeIsKeptWithoutOne() {
        Http http = new Http(port);
        Learners.signUp(http, "untimed");
        JsonNode confidence = merge(http, "{\"pg-joins\": {\"confidence\": {\"value\": 4}}}")
                .get("lessons")
                .get("pg-joins")
                .get("confidence");
        assertThat(confidence.get("value").asInt()).isEqualTo(4);
        assertThat(confidence.has("savedAt")).as("no time is made up").isFalse();
    }

    /** {"pg-joins": {"cards": {...}}} with {@code cards} cards of {@code reviews} daily "good" ratings each. */
    private static String cardsWithReviews(int cards, int reviews) {
        java.time.Instant start = java.time.Instant.parse("2024-01-01T08:00:00Z");
        StringBuilder json = new StringBuilder("{\"pg-joins\": {\"openedAt\": \"2024-01-01T08:00:00Z\", \"cards\": {");
        for (int card = 0; card < cards; card++) {
            json.append(card == 0 ? "" : ",").append("\"card-").append(card).append("\": {\"reviews\": [");
            for (int review = 0; review < reviews; review++) {
                json.append(review == 0 ? "" : ",")
                        .append("{\"rating\": \"good\", \"ratedAt\": \"")
                        .append(start.plus(java.time.Duration.ofDays(review)).plusSeconds(card))
                        .append("\"}");
            }
            json.append("]}");
        }
        return json.append("}}}").toString();
    }

    @Test
    void aMergeOverALimitIsRefusedWithTheLimitNamedAndKeepsNothing() {
        Http http = new Http(port);
        Learners.signUp(http, "greedy");
        HttpResponse<String> oneCard = http.postJson(
                "/api/progress/merge",
                "{\"lessons\": " + cardsWithReviews(1, ProgressLimits.REVIEWS_PER_CARD + 1) + "}");
        assertThat(oneCard.statusCode()).isEqualTo(413);
        JsonNode refused = JSON.readTree(oneCard.body());
        assertThat(refused.get("limit").asString()).isEqualTo("card reviews limit");
        assertThat(refused.get("error").asString())
                .isEqualTo("One merge may carry at most 500 card reviews for one "
                        + "card; this one has 501 (card reviews limit).");

        HttpResponse<String> allCards = http.postJson(
                "/api/progress/merge", "{\"lessons\": " + cardsWithReviews(21, ProgressLimits.REVIEWS_PER_CARD) + "}");
        assertThat(allCards.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(allCards.body()).get("error").asString())
                .isEqualTo(
                        "One merge may carry at most 10,000 card reviews; this one has 10,001 (card reviews limit).");

        StringBuilder lessons = new StringBuilder("{\"lessons\": {");
        for (int i = 0; i <= ProgressLimits.LESSONS; i++) {
            lessons.append(i == 0 ? "" : ",").append("\"lesson-").append(i).append("\": {}");
        }
        HttpResponse<String> tooManyLessons =
                http.postJson("/api/progress/merge", lessons.append("}}").toString());
        assertThat(tooManyLessons.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(tooManyLessons.body()).get("limit").asString()).isEqualTo("lessons limit");

        assertThat(JSON.readTree(http.getJson("/api/progress").body())
                        .get("lessons")
                        .size())
                .as("nothing of a refused merge is kept")
                .isZero();
    }

    @Test
    void theLargestAllowedMergeIsKeptWholeAndRepeatingItChangesNothing() {
        Http http = new Http(port);
        Learners.signUp(http, "diligent");
        int cards = ProgressLimits.REVIEWS / ProgressLimits.REVIEWS_PER_CARD;
        String store = cardsWithReviews(cards, ProgressLimits.REVIEWS_PER_CARD);
        JsonNode once = merge(http, store);
        JsonNode card = once.get("lessons").get("pg-joins").get("cards").get("card-0");
        assertThat(card.get("reviews").size()).isEqualTo(ProgressLimits.REVIEWS_PER_CARD);
        java.util.List<CardScheduler.Review> history = new java.util.ArrayList<>();
        for (int day = 0; day < ProgressLimits.REVIEWS_PER_CARD; day++) {
            history.add(new CardScheduler.Review(
                    java.time.LocalDate.parse("2024-01-01").plusDays(day), "good"));
        }
        assertThat(card.get("dueOn").asString())
                .as("the schedule replayed from every rating")
                .isEqualTo(CardScheduler.replay(history).dueOn().toString());
        assertThat(jdbc.sql("select count(*) from card_review r join learner_account a on a.id = r.account_id "
                                + "where a.email = :email")
                        .param("email", once.get("account").asString())
                        .query(Integer.class)
                        .single())
                .isEqualTo(ProgressLimits.REVIEWS);
        assertThat(merge(http, store)).isEqualTo(once);
    }
}
