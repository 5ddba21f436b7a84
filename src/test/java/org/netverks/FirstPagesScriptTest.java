package org.netverks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code bin/visit-first-pages.sh}, which the training run of {@code bin/make-cds-app.sh} (and so
 * the Docker image's build) relies on, still finds its way from the home page to a lesson: a
 * change to the pages' links would otherwise break only those builds, which CI does not run.
 */
@IntegrationTest
class FirstPagesScriptTest {

    @LocalServerPort
    int port;

    @Test
    void walksFromTheHomePageToTheFirstTracksFirstLessonAndTheLoginPage() throws Exception {
        Process script = new ProcessBuilder("bash", "bin/visit-first-pages.sh", Integer.toString(port))
                .redirectErrorStream(true)
                .start();
        script.getOutputStream().close();
        String output = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(script.waitFor(60, TimeUnit.SECONDS)).as("the script ends").isTrue();

        assertThat(script.exitValue()).as(output).isZero();
        // the fixture content has one track, "fixture"; its first lesson is the first it links to
        List<String> visited = output.lines().toList();
        assertThat(visited).hasSize(4);
        assertThat(visited.get(0)).isEqualTo("/");
        assertThat(visited.get(1)).isEqualTo("/tracks/fixture");
        assertThat(visited.get(2)).startsWith("/tracks/fixture/").hasSizeGreaterThan("/tracks/fixture/".length());
        assertThat(visited.get(3)).isEqualTo("/login");
    }

    @Test
    void failsNamingThePageThatDidNotAnswer() throws IOException, InterruptedException {
        // nothing listens on port 1: the script says so and fails
        Process script = new ProcessBuilder("bash", "bin/visit-first-pages.sh", "1")
                .redirectErrorStream(true)
                .start();
        String output = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(script.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(script.exitValue()).isNotZero();
        assertThat(output).contains("cannot connect to 127.0.0.1:1");
    }
}
