package org.netverks.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A full lab says so, with 503 and Retry-After, and the rest of the site keeps working. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "netverks.data-dir=${test-data.dir}/capacity",
            "netverks.content-dir=" + org.netverks.IntegrationTest.FIXTURE_CONTENT,
            "netverks.lab.max-sandboxes=1",
            "netverks.lab.warm-pool-size=0",
            // this class counts learners' sandboxes: no copies kept for checks take the one place
            "netverks.lab.check-pool-size=0"
        })
// an app of its own that no other class reuses: stopped after this class, so that its clusters and
// background jobs do not run on through the rest of the suite
@org.springframework.test.annotation.DirtiesContext
class LabCapacityTest {

    @LocalServerPort
    int port;

    @Test
    void aFullLabAnswers503WithRetryAfter() {
        HttpResponse<String> first = new LabClient(port).runRaw("select 1");
        assertThat(first.statusCode()).as("the one sandbox the lab may have").isEqualTo(200);
        LabClient learner = new LabClient(port);
        HttpResponse<String> response = learner.runRaw("select 1");
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("60");
        assertThat(LabClient.parse(response.body()).get("error").asString())
                .isEqualTo("The lab is at capacity, try again in a minute.");
        assertThat(learner.http().get("/tracks/fixture/joins").statusCode()).isEqualTo(200);
    }
}
