package org.netverks;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.netverks.lab.sandbox.SandboxService;
import org.netverks.learner.Inbox;
import org.netverks.web.Http;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Fault drills: the postmaster of each embedded cluster is killed (SIGKILL, the pid from its
 * postmaster.pid) under a running app. While it is down, requests that need it answer 503 within
 * 2 s, saying what is unavailable; the app restarts the cluster, and the same learner's requests
 * work again by themselves; background jobs that meet the dead platform database skip their turn
 * with one warning, no stack trace. An app of its own, on a data folder of its own, so that killing its
 * databases disturbs no other test; it is closed afterwards.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "netverks.data-dir=${test-data.dir}/recovery",
            "netverks.content-dir=" + IntegrationTest.FIXTURE_CONTENT,
            "netverks.lab.warm-pool-size=0",
            "netverks.lab.creations-per-client-per-hour=10000",
            // a quiet machine restarts the platform cluster within the pool's 1.5 s wait, and the
            // outage would go unseen: 4 s keeps it down long enough to see what learners get meanwhile
            "netverks.embedded-restart-delay=4s"
        })
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseRecoveryTest {

    private static final Path DATA = org.netverks.platform.TestData.dir("recovery");
    private static final String RUN = "/api/lab/fixture/postgresql-with-python/run";
    private static final Duration FAIL_FAST = Duration.ofSeconds(2);
    /** Generous: PostgreSQL's crash recovery on a busy machine took up to 25 s. */
    private static final Duration BACK_WITHIN = Duration.ofSeconds(60);

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    @Autowired
    SandboxService sandboxes;

    @Autowired
    ApplicationContext context;

    @Test
    @Order(1)
    void aKilledSandboxClusterIsRestartedAndTheLabComesBack() throws Exception {
        Http learner = new Http(port);
        assertThat(run(learner, "create table kept as select 42 as answer").statusCode())
                .isEqualTo(200);

        long killedAt = kill(DATA.resolve("sandboxes"));
        Answer down = firstFailure(() -> run(learner, "select answer from kept"));
        assertThat(down.response.statusCode()).as(down.response.body()).isEqualTo(503);
        assertThat(down.response.body()).contains("The lab's database server is restarting");
        assertThat(down.took).isLessThan(FAIL_FAST);

        Answer back = until(() -> run(learner, "select answer from kept"), response -> response.statusCode() == 200);
        assertThat(back.response.body()).as("the sandbox kept its table").contains("\"42\"");
        report("sandbox", killedAt, back);
    }

    @Test
    @Order(2)
    void aKilledPlatformClusterIsRestartedAndSignedInPagesComeBack() throws Exception {
        Http learner = new Http(port);
        Inbox.signUpAndConfirm(
                learner, "recovering-" + System.nanoTime() + "@example.org", "Recovering", "a long enough passphrase");
        String session = "SESSION=" + learner.cookie("SESSION");
        assertThat(get("/me", "text/html", session).statusCode()).isEqualTo(200);

        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        root.addAppender(logged);

        long killedAt = kill(DATA.resolve("platform"));
        // all at once: each must be answered before the cluster can be back (noticed within 1 s, restarted 1 s later)
        CompletableFuture<Answer> page = async(() -> get("/me", "text/html", session));
        CompletableFuture<Answer> api = async(() -> get("/api/progress", "application/json", session));
        CompletableFuture<Answer> readiness = async(() -> get("/actuator/health/readiness", "application/json", ""));
        // and a tick of background jobs that need the platform database, as their schedules would run them
        // (at once: each waits up to the pool's 1.5 s for a connection, about as long as the database is away)
        ReflectionTestUtils.invokeMethod(sandboxes, "scheduledTopUp");
        ReflectionTestUtils.invokeMethod(context.getBean("expiredSessions"), "cleanUp");
        Future<?> behindTheTopUp = ReflectionTestUtils.invokeMethod(sandboxes, "reclaimIdle"); // one maintenance thread
        behindTheTopUp.get();
        assertOneWarningWithoutStackTrace(logged, root, "Warm pool top-up", "Expired session clean-up");
        assertThat(page.get().response.statusCode()).isEqualTo(503);
        assertThat(page.get().response.body()).contains("Accounts are unavailable right now");
        assertThat(page.get().took).isLessThan(FAIL_FAST);
        assertThat(api.get().response.statusCode()).isEqualTo(503);
        assertThat(api.get().response.body()).startsWith("{").contains("Accounts are unavailable right now");
        assertThat(api.get().took).isLessThan(FAIL_FAST);
        assertThat(readiness.get().response.statusCode()).isEqualTo(503);
        assertThat(readiness.get().response.body()).contains("DOWN");
        assertThat(readiness.get().took).isLessThan(FAIL_FAST);
        assertThat(get("/actuator/health/liveness", "application/json", "").statusCode())
                .as("restarting the app would not help: it stays live")
                .isEqualTo(200);
        assertThat(get("/tracks/fixture", "text/html", "").statusCode())
                .as("lessons are still read")
                .isEqualTo(200);

        Answer back = until(() -> get("/me", "text/html", session), response -> response.statusCode() == 200);
        assertThat(back.response.body()).as("still signed in").contains("netverks-account");
        report("platform", killedAt, back);
        assertThat(get("/actuator/health/readiness", "application/json", "").statusCode())
                .isEqualTo(200);
    }

    @Test
    @Order(3)
    void aBackgroundJobThatMeetsTheDeadPlatformDatabaseSkipsItsTurnWithOneWarning() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        root.addAppender(logged);
        kill(DATA.resolve("platform"));
        ((Future<?>) ReflectionTestUtils.invokeMethod(sandboxes, "reclaimIdle")).get();
        assertOneWarningWithoutStackTrace(logged, root, "Idle sandbox reclaim");
        until(
                () -> get("/actuator/health/readiness", "application/json", ""),
                response -> response.statusCode() == 200);
        assertThat(((Future<?>) ReflectionTestUtils.invokeMethod(sandboxes, "reclaimIdle")).get())
                .as("the next turn runs")
                .isNull();
    }

    /** Each job logged "… skipped: the platform database cannot be reached (…)", and nothing with a stack trace. */
    private static void assertOneWarningWithoutStackTrace(
            ListAppender<ILoggingEvent> logged, Logger root, String... jobs) {
        root.detachAppender(logged);
        List<String> warnings = messages(logged, Level.WARN);
        for (String job : jobs) {
            assertThat(warnings)
                    .as(job + ", while the database is away")
                    .filteredOn(line -> line.startsWith(job + " skipped: the platform database cannot be reached ("))
                    .hasSize(1);
        }
        // (the connection pool's own "marked as broken" warning carries one: that is HikariCP's to say)
        assertThat(logged.list)
                .as("no stack traces from background work")
                .noneMatch(event -> event.getThrowableProxy() != null
                        && (event.getLevel() == Level.ERROR
                                || event.getLoggerName().startsWith("org.netverks"))
                        && (event.getThreadName().equals("sandbox-maintenance")
                                || event.getThreadName()
                                        .equals(Thread.currentThread().getName())));
    }

    private static List<String> messages(ListAppender<ILoggingEvent> logged, Level level) {
        return logged.list.stream()
                .filter(event -> event.getLevel() == level)
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    /** SIGKILLs the postmaster of the cluster in {@code clusterDir}; returns when, in nanoTime. */
    private static long kill(Path clusterDir) throws Exception {
        long pid = Long.parseLong(
                Files.readAllLines(clusterDir.resolve("postmaster.pid")).get(0).trim());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        assertThat(postmaster.destroyForcibly()).isTrue();
        long killedAt = System.nanoTime();
        postmaster.onExit().get(10, TimeUnit.SECONDS); // SIGKILL returns before the process is gone
        return killedAt;
    }

    private HttpResponse<String> run(Http learner, String sql) {
        return learner.postJson(RUN, "{\"sql\":\"" + sql + "\"}");
    }

    private HttpResponse<String> get(String path, String accept, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", accept)
                .timeout(Duration.ofSeconds(30))
                .GET();
        if (!cookie.isEmpty()) {
            request.header("Cookie", cookie);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private record Answer(HttpResponse<String> response, Duration took, long atNanos) {}

    private interface Request {
        HttpResponse<String> send() throws Exception;
    }

    private static CompletableFuture<Answer> async(Request request) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return timed(request);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static Answer timed(Request request) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = request.send();
        long end = System.nanoTime();
        return new Answer(response, Duration.ofNanos(end - start), end);
    }

    /**
     * The first answer that is not a 200: a backend of the killed postmaster may still serve a
     * request or two until it is next scheduled and notices its postmaster is gone.
     */
    private static Answer firstFailure(Request request) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            Answer answer = timed(request);
            if (answer.response.statusCode() != 200 || System.nanoTime() > deadline) {
                return answer;
            }
            Thread.sleep(20);
        }
    }

    /**
     * Repeats {@code request} until {@code done}; meanwhile every answer must be a quick 503 (or
     * already the good one), never a 500 or a hang.
     */
    private static Answer until(Request request, Predicate<HttpResponse<String>> done) throws Exception {
        long deadline = System.nanoTime() + BACK_WITHIN.toNanos();
        while (true) {
            Answer answer = timed(request);
            if (done.test(answer.response)) {
                return answer;
            }
            assertThat(answer.response.statusCode()).as(answer.response.body()).isEqualTo(503);
            assertThat(answer.took).isLessThan(FAIL_FAST);
            assertThat(System.nanoTime()).as("back within " + BACK_WITHIN).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static void report(String cluster, long killedAt, Answer back) {
        System.out.printf(
                "RECOVERY %s: kill -9 of the postmaster to the first successful request: %d ms%n",
                cluster, (back.atNanos - killedAt) / 1_000_000);
    }
}
