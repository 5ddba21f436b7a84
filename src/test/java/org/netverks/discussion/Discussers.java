package org.netverks.discussion;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.netverks.learner.Inbox;
import org.netverks.web.Http;

/** Learners who post, signed up and in through the real forms, and what they post, through HTTP. */
final class Discussers {

    static final String PASSWORD = "a long enough passphrase";
    /** A moderator by configuration (IntegrationTest's netverks.moderators). */
    static final String MODERATOR = "moderator@example.org";

    private Discussers() {}

    static Http learner(int port, String name) {
        Http http = new Http(port);
        String email = name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        Inbox.signUpAndConfirm(http, email, name, PASSWORD);
        return http;
    }

    /** The configured moderator: logged in, or on first use (the test database outlives a run) signed up and confirmed. */
    static Http moderator(int port) {
        Http http = new Http(port);
        if (http.postForm("/login", Map.of("email", MODERATOR, "password", PASSWORD))
                        .statusCode()
                != 302) {
            Inbox.signUpAndConfirm(http, MODERATOR, "Mod", PASSWORD);
        }
        return http;
    }

    /** Starts a thread and returns its path. */
    static String startThread(Http http, String lesson, String title, String body) {
        HttpResponse<String> response = http.postForm(lesson + "/discussion", Map.of("title", title, "body", body));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
        return response.headers().firstValue("Location").orElseThrow();
    }

    /** Posts a comment (parent null) or a reply and returns the new post's id. */
    static long post(Http http, String threadPath, Long parent, String body) {
        Map<String, String> fields =
                parent == null ? Map.of("body", body) : Map.of("body", body, "parent", String.valueOf(parent));
        HttpResponse<String> response = http.postForm(threadPath + "/posts", fields);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
        String location = response.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.substring(location.indexOf("#post-") + 6));
    }
}
