package org.netverks.lab.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.netverks.web.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** With {@code check-pool-size=0} no copies are kept for checks, and a data-changing check clones the dataset. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "netverks.data-dir=${test-data.dir}/check-pool-off",
            "netverks.content-dir=" + org.netverks.IntegrationTest.FIXTURE_CONTENT,
            "netverks.lab.warm-pool-size=0",
            "netverks.lab.check-pool-size=0"
        })
// an app of its own that no other class reuses: stopped after this class, so that its clusters and
// background jobs do not run on through the rest of the suite
@org.springframework.test.annotation.DirtiesContext
class CheckPoolOffTest {

    @LocalServerPort
    int port;

    @Autowired
    SandboxService sandboxes;

    @Autowired
    JdbcClient platform;

    @Test
    void aDataChangingCheckClonesTheDatasetWhenThePoolIsOff() throws Exception {
        sandboxes.topUpCheckPoolNow().get(60, TimeUnit.SECONDS);
        assertThat(readyCopies()).as("copies kept for checks").isZero();

        HttpResponse<String> response = new Http(port)
                .postJson(
                        "/api/lab/fixture/postgresql-with-python/exercises/transfer-like-psycopg/check",
                        JsonMapper.builder()
                                .build()
                                .writeValueAsString(
                                        Map.of(
                                                "sql",
                                                """
                                        begin;
                                        update accounts set balance = balance - 250.00 where id = 32;
                                        update accounts set balance = balance + 250.00 where id = 19;
                                        insert into transfers (from_account, to_account, amount) values (32, 19, 250.00);
                                        commit;""")));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"correct\":true");
        sandboxes.topUpCheckPoolNow().get(60, TimeUnit.SECONDS);
        assertThat(readyCopies()).as("copies kept for checks after one").isZero();
        assertThat(platform.sql("select count(*) from lab_sandbox where owner_key like 'scratch:%'")
                        .query(Integer.class)
                        .single())
                .as("the check's clones are given up")
                .isZero();
    }

    private int readyCopies() {
        return platform.sql("select count(*) from lab_sandbox where owner_key is null and pool = 'checks'")
                .query(Integer.class)
                .single();
    }
}
