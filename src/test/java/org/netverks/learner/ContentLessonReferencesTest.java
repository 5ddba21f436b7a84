package org.netverks.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.netverks.IntegrationTest;
import org.netverks.web.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * V7: learners' rows reference content_lesson. A lesson id no content ever had cannot be stored;
 * the merge skips it and keeps the rest; rows from before V7 for such ids are kept as retired lessons.
 */
@IntegrationTest
class ContentLessonReferencesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    DataSource platform;

    @Autowired
    JdbcClient jdbc;

    @Test
    void progressForALessonIdNoContentHadIsRefusedByTheDatabase() {
        Http http = new Http(port);
        Learners.signUp(http, "fk");
        UUID account = jdbc.sql("select id from learner_account order by created_at desc limit 1")
                .query(UUID.class)
                .single();
        assertThatThrownBy(() -> jdbc.sql(
                                "insert into lesson_progress (account_id, lesson_id) values (:a, 'never-a-lesson')")
                        .param("a", account)
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql(
                                """
                insert into discussion_thread (lesson_id, title) values ('never-a-lesson', 'x')""")
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql(
                                """
                insert into workspace_draft (account_id, lesson_id, slot, sql, saved_at)
                values (:a, 'never-a-lesson', 'free', 'select 1', now())""")
                        .param("a", account)
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql(
                                """
                insert into exercise_attempt (account_id, lesson_id, exercise_id, attempted_at, sql, correct, summary)
                values (:a, 'never-a-lesson', 'e', now(), 'select 1', false, 'Not solved')""")
                        .param("a", account)
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void theMergeSkipsUnknownLessonIdsAndKeepsTheRest() {
        Http http = new Http(port);
        Learners.signUp(http, "stray");
        HttpResponse<String> response = http.postJson(
                "/api/progress/merge",
                """
                {"lessons": {"pg-joins": {"openedAt": "2026-11-01T10:00:00Z",
                                          "exercises": {"accounts-per-customer": {"solvedAt": "2026-11-02T11:00:00Z"}}},
                             "renamed-long-ago": {"openedAt": "2026-11-01T09:00:00Z",
                                                  "quiz": {"q": {"choice": "a", "answeredAt": "2026-11-01T09:00:00Z"}},
                                                  "cards": {"c": {"rating": "good", "ratedAt": "2026-11-01T09:00:00Z"}}}}}""");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode lessons = JSON.readTree(response.body()).get("lessons");
        assertThat(lessons.has("pg-joins")).isTrue();
        assertThat(lessons.get("pg-joins").get("exercises").has("accounts-per-customer"))
                .isTrue();
        assertThat(lessons.has("renamed-long-ago")).isFalse();
    }

    @Test
    void rowsFromBeforeV7ForUnknownLessonsAreKeptAsRetiredLessons() throws Exception {
        try (ScratchMigration scratch = ScratchMigration.at("6", platform, jdbc)) {
            JdbcClient old = scratch.jdbc();
            old.sql("insert into content_track (id, slug, title) values ('t', 't', 'T')")
                    .update();
            old.sql(
                            "insert into content_lesson (id, track_id, position, slug, title) values ('known', 't', 1, 'k', 'K')")
                    .update();
            UUID account = UUID.randomUUID();
            old.sql(
                            "insert into learner_account (id, email, display_name, password_hash) values (:id, 'a@example.org', 'A', 'x')")
                    .param("id", account)
                    .update();
            old.sql("insert into lesson_progress (account_id, lesson_id) values (:a, 'known'), (:a, 'gone')")
                    .param("a", account)
                    .update();
            old.sql(
                            """
                    insert into card_review (account_id, lesson_id, card_id, rated_at, rating)
                    values (:a, 'gone-too', 'c', now(), 'good')""")
                    .param("a", account)
                    .update();
            old.sql("insert into discussion_thread (lesson_id, title) values ('gone', 'Kept')")
                    .update();

            scratch.migrateToLatest();

            assertThat(old.sql("select count(*) from lesson_progress")
                            .query(Integer.class)
                            .single())
                    .isEqualTo(2);
            assertThat(old.sql("select count(*) from card_review")
                            .query(Integer.class)
                            .single())
                    .isEqualTo(1);
            assertThat(old.sql("select count(*) from discussion_thread")
                            .query(Integer.class)
                            .single())
                    .isEqualTo(1);
            assertThat(old.sql("select id || ' retired=' || retired from content_lesson order by id")
                            .query(String.class)
                            .list())
                    .containsExactly("gone retired=true", "gone-too retired=true", "known retired=false");
        }
    }
}
