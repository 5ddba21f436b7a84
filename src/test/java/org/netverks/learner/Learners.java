package org.netverks.learner;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.netverks.web.Http;

/** Signing learners up and in through the real forms, for the tests. */
final class Learners {

    static final String PASSWORD = "a long enough passphrase";

    private Learners() {}

    static String uniqueEmail(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    /** A new learner (signed up, address confirmed with the link), signed in on {@code http}; returns their e-mail address. */
    static String signUp(Http http, String name) {
        String email = uniqueEmail(name);
        Inbox.signUpAndConfirm(http, email, name, PASSWORD);
        return email;
    }

    static HttpResponse<String> logIn(Http http, String email, String password) {
        return http.postForm("/login", Map.of("email", email, "password", password));
    }
}
