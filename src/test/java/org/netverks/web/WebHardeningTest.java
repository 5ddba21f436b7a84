package org.netverks.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netverks.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What the site shows strangers: headers on pages and only health among the internals (slow clients: {@link SlowClientsTest}). */
@IntegrationTest
class WebHardeningTest {

    @LocalServerPort
    int port;

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
}
