package org.netverks.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.netverks.IntegrationTest;
import org.netverks.learner.Inbox;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Each kind of bad input the issue listed gets its own status and a message a person can act on. */
@IntegrationTest
class BadInputTest {

    private static final String LESSON = "/tracks/fixture/first-select";

    @LocalServerPort
    int port;

    private Http signedIn() {
        Http http = new Http(port);
        String email = "bad-input-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        Inbox.signUpAndConfirm(http, email, "Bad Input", "a long enough passphrase");
        return http;
    }

    private RawHttp.Response raw(Http http, String method, String target, String contentType, byte[] body) {
        String csrf = http.cookie("XSRF-TOKEN");
        String session = http.cookie("SESSION");
        return new RawHttp(port)
                .send(
                        method,
                        target,
                        body,
                        "Cookie: XSRF-TOKEN=" + csrf + (session == null ? "" : "; SESSION=" + session),
                        "X-XSRF-TOKEN: " + csrf,
                        "Accept: text/html",
                        "Content-Type: " + contentType);
    }

    @Test
    void badIdsAndPageNumbersAre400WithTheirName() {
        Http http = signedIn();
        HttpResponse<String> thread = http.get(LESSON + "/discussion/abc");
        assertThat(thread.statusCode()).isEqualTo(400);
        assertThat(thread.body()).contains("'abc' is not a valid threadId");
        HttpResponse<String> page = http.get(LESSON + "/discussion?page=99999999999");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("whole number in range");
        HttpResponse<String> block = http.postForm("/moderation/accounts/abc/block", Map.of());
        assertThat(block.statusCode()).isEqualTo(400);
        assertThat(block.body()).contains("is not a valid accountId");
    }

    @Test
    void aNulCharacterInAFormOrJsonIs400() {
        Http http = new Http(port);
        HttpResponse<String> signUp = http.postForm(
                "/signup",
                Map.of("email", "nul\0@example.org", "displayName", "Nul", "password", "a long enough passphrase"));
        assertThat(signUp.statusCode()).isEqualTo(400);
        assertThat(signUp.body()).contains("The field 'email' contains a NUL character");
        Http learner = signedIn();
        HttpResponse<String> merge = learner.postJson(
                "/api/progress/merge",
                "{\"lessons\":{\"pg-first-select\":"
                        + "{\"quiz\":{\"select-result-set\":{\"choice\":\"b\\u0000\",\"answeredAt\":\"2026-01-01T00:00:00Z\"}}}}}");
        assertThat(merge.statusCode()).isEqualTo(400);
        assertThat(merge.body()).contains("contains a NUL character");
    }

    @Test
    void unreadableFormsAndContentTypesAreRefusedBeforeAnyoneReadsThem() {
        Http http = new Http(port);
        http.get("/");
        RawHttp.Response utf8 = raw(http, "POST", "/login", "application/x-www-form-urlencoded", new byte[] {
            'e', 'm', 'a', 'i', 'l', '=', (byte) 0xC3, 0x28
        });
        assertThat(utf8.status()).isEqualTo(400);
        assertThat(utf8.text()).contains("not UTF-8");
        assertThat(raw(
                                http,
                                "POST",
                                "/login",
                                "application/x-www-form-urlencoded",
                                "email=%ZZ".getBytes(StandardCharsets.US_ASCII))
                        .status())
                .isEqualTo(400);
        assertThat(raw(
                                http,
                                "POST",
                                "/login",
                                "application/x-www-form-urlencoded",
                                ("email=" + "a".repeat(5 * 1024 * 1024)).getBytes(StandardCharsets.US_ASCII))
                        .status())
                .isEqualTo(413);
        RawHttp.Response wildcard = raw(
                http,
                "POST",
                "/api/quiz/fixture/first-select/select-result-set",
                "application/*",
                "{\"choice\":\"a\"}".getBytes(StandardCharsets.US_ASCII));
        assertThat(wildcard.status()).isEqualTo(415);
        assertThat(wildcard.text()).contains("is a pattern, not a type");
        // multipart is not parsed at all: the form simply has no fields
        assertThat(raw(http, "POST", "/signup", "multipart/form-data", "--x--".getBytes(StandardCharsets.US_ASCII))
                        .status())
                .isBetween(400, 499);
    }

    @Test
    void timesOutsideWhatABrowserRecordsAre400() {
        Http learner = signedIn();
        HttpResponse<String> past = learner.postJson(
                "/api/progress/merge",
                "{\"lessons\":{\"pg-first-select\":{\"openedAt\":\"-290308-12-21T19:59:05Z\"}}}");
        assertThat(past.statusCode()).isEqualTo(400);
        assertThat(past.body()).contains("is before 1970");
        HttpResponse<String> future = learner.postJson(
                "/api/progress/merge",
                "{\"lessons\":{\"pg-first-select\":{\"openedAt\":\"+294276-01-01T00:00:00Z\"}}}");
        assertThat(future.statusCode()).as("a future time counts as now").isEqualTo(200);
    }

    @Test
    void aCheckWhoseResultIsTooLargeSaysWhichLimit() {
        Http http = new Http(port);
        HttpResponse<String> check = http.postJson(
                "/api/lab/fixture/first-select/exercises/price-with-tax/check",
                "{\"sql\":\"select repeat('x', 1000000) from generate_series(1,100)\"}");
        assertThat(check.statusCode()).as(check.body()).isEqualTo(200);
        assertThat(check.body()).contains("\"limit\"").containsIgnoringCase("result");
    }

    @Test
    void aMalformedSessionCookieIsNoSession() {
        for (String cookie : new String[] {"AAAA", "%%%", "Zm9vAGJhcg==", "x".repeat(5000)}) {
            for (String path : new String[] {"/", "/css/site.css", LESSON}) {
                RawHttp.Response response = new RawHttp(port).send("GET", path, null, "Cookie: SESSION=" + cookie);
                assertThat(response.status())
                        .as(path + " with SESSION=" + cookie.substring(0, Math.min(8, cookie.length())))
                        .isEqualTo(200);
            }
        }
    }

    @Test
    void getErrorDirectlyIsNotFound() {
        assertThat(new Http(port).get("/error").statusCode()).isEqualTo(404);
        HttpResponse<String> json = new Http(port).getJson("/error");
        assertThat(json.statusCode()).isEqualTo(404);
        assertThat(json.body()).contains("\"status\":404");
    }
}
