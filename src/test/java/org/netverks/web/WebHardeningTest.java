package org.netverks.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netverks.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What the site shows strangers: headers on pages, only health among the internals, and slow clients bounded. */
@IntegrationTest
class WebHardeningTest {

    @LocalServerPort
    int port;

    private String csrf;

    @Test
    void pagesCarryAStrictContentSecurityPolicyAndASameOriginReferrerPolicy() {
        Http http = new Http(port);
        for (String path : List.of("/", "/tracks/fixture/first-select", "/reset/some-token", "/login", "/nowhere")) {
            HttpResponse<String> page = http.get(path);
            String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(policy)
                    .as(path)
                    .contains("default-src 'self'", "object-src 'none'", "frame-ancestors 'none'")
                    .containsPattern("script-src 'self' 'sha256-[A-Za-z0-9+/=]{44}';")
                    .doesNotContain("unsafe-eval");
            assertThat(page.headers().firstValue("Referrer-Policy")).as(path).contains("same-origin");
        }
    }

    @Test
    void onlyHealthIsPublicAmongTheInternals() {
        Http http = new Http(port);
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            assertThat(http.getJson(path).statusCode()).as(path).isEqualTo(200);
        }
        for (String path : List.of(
                "/actuator/metrics",
                "/actuator/metrics/disk.free",
                "/actuator/metrics/http.server.requests",
                "/actuator/env",
                "/actuator/info",
                "/actuator/prometheus")) {
            HttpResponse<String> response = http.getJson(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).doesNotContain("Exception", "/work", "target");
        }
    }

    /**
     * Half the worker threads may read bodies at once: with that many bodies stalled, the next
     * one is refused at once (503), and pages are still answered.
     */
    @Test
    void stalledBodiesNeitherTakeEveryThreadNorStopThePages() throws IOException {
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 100; i++) {
                stalled.add(stalledBody());
            }
            // the 100 above hold every body slot (server.tomcat.threads.max 200 / 2) once they reach the filter
            long deadline = System.nanoTime() + 30_000_000_000L;
            String refused = "";
            while (!refused.startsWith("HTTP/1.1 503") && System.nanoTime() < deadline) {
                Socket extra = stalledBody();
                stalled.add(extra);
                extra.setSoTimeout(3_000);
                try {
                    refused = firstLine(extra.getInputStream());
                } catch (java.net.SocketTimeoutException tookASlot) {
                    // an earlier one had not reached the app yet, so this one got its slot: stall it too
                }
            }
            assertThat(refused).startsWith("HTTP/1.1 503");
            long started = System.nanoTime();
            assertThat(new Http(port).get("/").statusCode()).isEqualTo(200);
            assertThat((System.nanoTime() - started) / 1_000_000)
                    .as("ms for GET / meanwhile")
                    .isLessThan(2_000);
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
            awaitFreeBodySlots();
        }
    }

    /**
     * The app is shared with the test classes that run next: wait until the server has noticed the
     * closed connections and given their body slots back, or their posts would be refused with 503.
     */
    private void awaitFreeBodySlots() throws IOException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        String answer;
        do {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                String whole = slowQuizAnswer().replace("Content-Length: 100", "Content-Length: 2") + "}";
                socket.getOutputStream().write(whole.getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
                answer = firstLine(socket.getInputStream());
            }
        } while (answer.startsWith("HTTP/1.1 503") && System.nanoTime() < deadline);
        assertThat(answer).as("a whole body once the stalled ones are closed").doesNotStartWith("HTTP/1.1 503");
    }

    /** A body sent a byte every 2 s never pauses long enough to time out a read, but it must arrive whole in 10 s. */
    @Test
    void aTricklingBodyIsCutOffAtTheBodyTimeout() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(slowQuizAnswer().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            socket.setSoTimeout(2_000);
            long started = System.nanoTime();
            String answer = "";
            while (answer.isEmpty() && System.nanoTime() - started < 30_000_000_000L) {
                try {
                    out.write(' ');
                    out.flush();
                } catch (IOException closed) {
                    // the server gave up on the body: read what it said
                }
                try {
                    answer = firstLine(socket.getInputStream());
                } catch (java.net.SocketTimeoutException stillWaiting) {
                    // no answer yet: send the next byte
                }
            }
            long seconds = (System.nanoTime() - started) / 1_000_000_000L;
            assertThat(answer).startsWith("HTTP/1.1 408");
            assertThat(seconds).isLessThan(25);
        }
    }

    /** A quiz answer whose body stops after its first byte, sent with a valid CSRF token so the app reads it. */
    private Socket stalledBody() throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        OutputStream out = socket.getOutputStream();
        out.write(slowQuizAnswer().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return socket;
    }

    private String slowQuizAnswer() {
        if (csrf == null) {
            Http visitor = new Http(port);
            visitor.get("/");
            csrf = visitor.cookie("XSRF-TOKEN");
        }
        return "POST /api/quiz/fixture/first-select/select-result-set HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nCookie: XSRF-TOKEN=" + csrf + "\r\nX-XSRF-TOKEN: " + csrf
                + "\r\nContent-Length: 100\r\n\r\n{";
    }

    private static String firstLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c; (c = in.read()) >= 0 && c != '\r'; ) {
            line.append((char) c);
        }
        return line.toString();
    }
}
