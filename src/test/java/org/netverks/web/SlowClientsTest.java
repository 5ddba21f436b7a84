package org.netverks.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netverks.IntegrationTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Slow clients are bounded: stalled bodies cannot take every thread, a trickling body is cut off.
 * An app of its own with few worker threads: stalling every body slot of the shared app left
 * later test classes meeting 503s while the server noticed the closed connections.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "netverks.data-dir=${test-data.dir}/slow-clients",
            "netverks.content-dir=" + IntegrationTest.FIXTURE_CONTENT,
            "netverks.lab.warm-pool-size=0",
            "server.tomcat.threads.max=20"
        })
// stopped after this class, so that its clusters and background jobs do not run on through the suite
@DirtiesContext
class SlowClientsTest {

    @LocalServerPort
    int port;

    private String csrf;

    /**
     * Half the worker threads may read bodies at once: with that many bodies stalled, the next
     * one is refused at once (503), and pages are still answered. (This app has 20 worker threads,
     * so 10 body slots; the production default is 200 threads, 100 slots.)
     */
    @Test
    void stalledBodiesNeitherTakeEveryThreadNorStopThePages() throws IOException {
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                stalled.add(stalledBody());
            }
            // the 10 above hold every body slot (server.tomcat.threads.max 20 / 2) once they reach the filter
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
        }
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
