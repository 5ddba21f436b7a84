package org.netverks.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A full lab says so, with 503 and Retry-After, and the rest of the site keeps working. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"netverks.data-dir=target/test-data-capacity", "netverks.lab.max-sandboxes=0"})
class LabCapacityTest {

    @LocalServerPort
    int port;

    @Test
    void aFullLabAnswers503WithRetryAfter() {
        LabClient learner = new LabClient(port);
        HttpResponse<String> response = learner.runRaw("select 1");
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("60");
        assertThat(LabClient.parse(response.body()).get("error").asString())
                .isEqualTo("The lab is at capacity, try again in a minute.");
        assertThat(learner.http().get("/tracks/postgresql/joins").statusCode()).isEqualTo(200);
    }
}
