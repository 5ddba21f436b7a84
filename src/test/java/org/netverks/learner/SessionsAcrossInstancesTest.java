package org.netverks.learner;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.netverks.IntegrationTest;
import org.netverks.NetverksApplication;
import org.netverks.platform.TestData;
import org.netverks.web.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two app instances on different ports, one platform database: a learner who logs in on one is
 * logged in on the other, because sessions live in PostgreSQL.
 */
@IntegrationTest
class SessionsAcrossInstancesTest {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Test
    void aSessionStartedOnOneInstanceIsValidOnTheOther() throws Exception {
        HikariDataSource platform = dataSource.unwrap(HikariDataSource.class);
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(NetverksApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + platform.getJdbcUrl(),
                        "--spring.datasource.username=" + platform.getUsername(),
                        "--spring.datasource.password="
                                + (platform.getPassword() == null ? "" : platform.getPassword()),
                        "--netverks.data-dir=" + TestData.dir("second-instance"),
                        "--netverks.content-dir=" + IntegrationTest.FIXTURE_CONTENT,
                        "--netverks.lab.warm-pool-size=0",
                        // the same configuration as the first instance: moderators are whom the configuration names
                        "--netverks.moderators=moderator@example.org")) {
            int otherPort =
                    ((WebServerApplicationContext) second).getWebServer().getPort();
            assertThat(otherPort).isNotEqualTo(port);

            Http first = new Http(port);
            String email = Learners.signUp(first, "roaming");
            String session = first.cookie("SESSION");
            HttpResponse<String> elsewhere = get(otherPort, "/me", session);
            assertThat(elsewhere.statusCode()).isEqualTo(200);
            assertThat(elsewhere.body()).contains("<meta name=\"netverks-account\" content=\"" + email + "\">");

            Http onSecond = new Http(otherPort);
            Learners.logIn(onSecond, email, Learners.PASSWORD);
            assertThat(get(port, "/account", onSecond.cookie("SESSION")).body()).contains(email);
            assertThat(get(otherPort, "/me", "not-a-session").statusCode()).isEqualTo(302);
        }
    }

    private static HttpResponse<String> get(int port, String path, String session) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .header("Cookie", "SESSION=" + session)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
