package org.netverks.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.netverks.IntegrationTest;
import org.netverks.web.Http;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an operator watches, on an app set up as docs/operations.md ("Observe") says: the actuator on
 * a private port with Prometheus exposed there, JSON logs. Every metric the Grafana dashboard
 * (deploy/grafana/learn-netverks.json) queries is in the scrape after a lab run, a limit hit and a
 * check, so the dashboard cannot drift from the code; and every request carries an id into the logs.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "netverks.data-dir=${test-data.dir}/observe",
            "netverks.content-dir=" + IntegrationTest.FIXTURE_CONTENT,
            "netverks.lab.warm-pool-size=1",
            "netverks.lab.check-pool-size=1",
            "netverks.lab.max-sql-size=1KB",
            "netverks.lab.statement-timeout=1s",
            "netverks.log-format=json",
            "management.server.port=0",
            "management.server.address=127.0.0.1",
            "management.endpoints.web.exposure.include=health,prometheus"
        })
// an app of its own (JSON logs, a management port): stopped after this class
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityTest {

    static final Path DASHBOARD = Path.of("deploy/grafana/learn-netverks.json");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Test
    void everyMetricTheDashboardQueriesIsInTheScrape() throws Exception {
        LabClient learner = new LabClient(port);
        learner.run("select 1");
        assertThat(learner.one("select pg_sleep(3)").get("limit").asString()).isEqualTo("statement time limit");
        assertThat(learner.runRaw("select 1 -- " + "x".repeat(2_000)).statusCode())
                .as("over the SQL size limit")
                .isEqualTo(413);
        HttpResponse<String> check = learner.http()
                .postJson(
                        "/api/lab/fixture/first-select/exercises/contact-label/check",
                        JSON.writeValueAsString(Map.of("sql", "select 1")));
        assertThat(check.statusCode()).as(check.body()).isEqualTo(200);

        Set<String> wanted = DashboardQueries.metricNames(JSON.readTree(Files.readString(DASHBOARD)));
        assertThat(wanted)
                .as("the dashboard's metrics")
                .contains("netverks_lab_runs_seconds_bucket", "netverks_lab_pool_ready", "hikaricp_connections_active");
        // the sandbox gauges appear with the first census, a few seconds after the start
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        Set<String> missing = missingFrom(scrape(), wanted);
        while (!missing.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(500);
            missing = missingFrom(scrape(), wanted);
        }
        assertThat(missing)
                .as("metrics the dashboard queries that the app does not export")
                .isEmpty();

        String scrape = scrape();
        assertThat(scrape)
                .contains("netverks_lab_limit_hits_total{application=\"learn-netverks\",limit=\"SQL size limit\"} 1")
                .contains(
                        "netverks_lab_limit_hits_total{application=\"learn-netverks\",limit=\"statement time limit\"} 1")
                .contains("netverks_lab_runs_seconds_count{application=\"learn-netverks\",outcome=\"answered\"} 2")
                .contains("netverks_lab_runs_seconds_count{application=\"learn-netverks\",outcome=\"refused\"} 1")
                .containsPattern("netverks_lab_sandboxes\\{[^}]*state=\"learner\"[^}]*} [1-9]")
                .containsPattern("netverks_lab_sandbox_creation_seconds_count\\{[^}]*} [1-9]")
                .contains("netverks_lab_checks_seconds_count{application=\"learn-netverks\",outcome=\"failed\"} 1")
                .containsPattern("netverks_lab_learners_active\\{application=\"learn-netverks\"} [1-9]")
                .doesNotContain("anon:", "scratch:", "grader:", "select 1");
    }

    @Test
    void prometheusIsServedOnTheManagementPortOnly() {
        HttpResponse<String> onPublicPort = new Http(port).get("/actuator/prometheus");
        assertThat(onPublicPort.statusCode()).isEqualTo(404);
        assertThat(onPublicPort.body()).doesNotContain("jvm_memory_used_bytes");

        HttpResponse<String> scrape = get(managementPort, "/actuator/prometheus", Map.of());
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("jvm_memory_used_bytes{");
        assertThat(get(managementPort, "/actuator/health", Map.of()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void everyAnswerCarriesARequestIdTakenFromTheRequestWhenItIsSafe() {
        String safe = "lb-7f3a.2026:42_x";
        assertThat(get(port, "/", Map.of("X-Request-Id", safe)).headers().firstValue("X-Request-Id"))
                .contains(safe);
        for (String unsafe : new String[] {"<script>", "a b", "x".repeat(65)}) {
            String given = get(port, "/", Map.of("X-Request-Id", unsafe))
                    .headers()
                    .firstValue("X-Request-Id")
                    .orElseThrow();
            assertThat(given).as("replaces " + unsafe).matches("[0-9a-f]{16}");
        }
        String first =
                get(port, "/", Map.of()).headers().firstValue("X-Request-Id").orElseThrow();
        String second =
                get(port, "/", Map.of()).headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(first).matches("[0-9a-f]{16}").isNotEqualTo(second);
    }

    @Test
    void aJsonLogLineOfARequestCarriesItsId(CapturedOutput output) {
        HttpResponse<String> failed = get(port, "/observe-test/failure", Map.of("X-Request-Id", "trace-me-42"));
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.headers().firstValue("X-Request-Id")).contains("trace-me-42");

        JsonNode line = output.getOut()
                .lines()
                .filter(text -> text.startsWith("{") && text.contains("trace-me-42"))
                .map(JSON::readTree)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no JSON log line with the request id in:\n" + output.getOut()));
        assertThat(line.get("request_id").asString()).isEqualTo("trace-me-42");
        assertThat(line.get("log").get("level").asString()).isEqualTo("ERROR");
        assertThat(line.get("message").asString()).contains("/observe-test/failure");
    }

    private String scrape() {
        HttpResponse<String> response = get(managementPort, "/actuator/prometheus", Map.of());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static Set<String> missingFrom(String scrape, Set<String> names) {
        Set<String> missing = new TreeSet<>();
        for (String name : names) {
            if (!Pattern.compile("(?m)^" + Pattern.quote(name) + "[{ ]")
                    .matcher(scrape)
                    .find()) {
                missing.add(name);
            }
        }
        return missing;
    }

    private static HttpResponse<String> get(int port, String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        headers.forEach(request::header);
        try {
            return CLIENT.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A handler that fails, so that the app logs an error while serving a request. */
    @TestConfiguration
    static class FailingHandler {
        @Bean
        Failure failure() {
            return new Failure();
        }
    }

    @RestController
    static class Failure {
        @GetMapping("/observe-test/failure")
        String fail() {
            throw new IllegalStateException("a failure for the log");
        }
    }

    /** The metric names in a Grafana dashboard's PromQL (panel targets and template variables). */
    static final class DashboardQueries {

        private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
        private static final Set<String> KEYWORDS = Set.of(
                "by",
                "without",
                "on",
                "ignoring",
                "group_left",
                "group_right",
                "bool",
                "and",
                "or",
                "unless",
                "offset");
        private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)");

        static Set<String> metricNames(JsonNode dashboard) {
            Set<String> names = new TreeSet<>();
            for (JsonNode expr : dashboard.findValues("expr")) {
                names.addAll(inExpression(expr.asString()));
            }
            for (JsonNode variable : dashboard.get("templating").get("list")) {
                JsonNode definition = variable.get("definition");
                if (definition != null) {
                    Matcher metric = LABEL_VALUES.matcher(definition.asString());
                    if (metric.find()) {
                        names.add(metric.group(1));
                    }
                }
            }
            return names;
        }

        /** Identifiers of a PromQL expression that are neither functions, keywords, labels nor variables. */
        static Set<String> inExpression(String promql) {
            String bare = promql.replaceAll("\"[^\"]*\"", "")
                    .replaceAll("\\{[^}]*}", "")
                    .replaceAll("\\[[^]]*]", "")
                    .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", "")
                    .replaceAll("\\$\\w+", "");
            Set<String> names = new TreeSet<>();
            Matcher identifier = IDENTIFIER.matcher(bare);
            while (identifier.find()) {
                String name = identifier.group();
                boolean function = bare.substring(identifier.end()).matches("(?s)\\s*\\(.*");
                if (!function && !KEYWORDS.contains(name)) {
                    names.add(name);
                }
            }
            return names;
        }
    }
}
