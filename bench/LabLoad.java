import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load for the lab API, as real learners make it: each learner has its own session cookie and
 * CSRF token. Run with the JDK's single-file launcher:
 *
 *   java bench/LabLoad.java first URL COUNT INTERVAL_MS        latency of each new learner's first run
 *   java bench/LabLoad.java throughput URL LEARNERS SECONDS    runs/s of "select 1" with LEARNERS at once
 */
public class LabLoad {

    static final String RUN = "/api/lab/postgresql/postgresql-with-python/run";

    public static void main(String[] args) throws Exception {
        String base = args[1];
        switch (args[0]) {
            case "first" -> first(base, Integer.parseInt(args[2]), Long.parseLong(args[3]));
            case "throughput" -> throughput(base, Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static final class Learner {
        final CookieManager cookies = new CookieManager();
        final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
        final String base;
        String token;

        Learner(String base) throws Exception {
            this.base = base;
            client.send(HttpRequest.newBuilder(URI.create(base + "/")).build(), HttpResponse.BodyHandlers.discarding());
            token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue).findFirst().orElseThrow();
        }

        int run(String sql) throws Exception {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + RUN))
                    .header("Content-Type", "application/json").header("X-XSRF-TOKEN", token)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"sql\":\"" + sql + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode();
        }
    }

    static void first(String base, int count, long intervalMs) throws Exception {
        List<Double> millis = new ArrayList<>();
        int failures = 0;
        for (int i = 0; i < count; i++) {
            Learner learner = new Learner(base);
            long start = System.nanoTime();
            int status = learner.run("select 1");
            millis.add((System.nanoTime() - start) / 1e6);
            failures += status == 200 ? 0 : 1;
            Thread.sleep(intervalMs);
        }
        Collections.sort(millis);
        System.out.printf("first-run learners=%d failures=%d p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f%n", count,
                failures, pct(millis, 50), pct(millis, 90), pct(millis, 99), millis.get(millis.size() - 1));
    }

    static void throughput(String base, int learners, int seconds) throws Exception {
        List<Learner> all = new ArrayList<>();
        for (int i = 0; i < learners; i++) {
            Learner learner = new Learner(base);
            learner.run("select 1"); // the first run claims the sandbox; not measured here
            all.add(learner);
        }
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(learners);
        for (Learner learner : all) {
            Thread thread = new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        if (learner.run("select 1") == 200) {
                            ok.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    failed.incrementAndGet();
                } finally {
                    done.countDown();
                }
            });
            thread.start();
        }
        done.await();
        System.out.printf("api-throughput learners=%d seconds=%d runs=%d failed=%d runs_per_s=%.1f%n", learners, seconds,
                ok.get(), failed.get(), ok.get() / (double) seconds);
    }

    static double pct(List<Double> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
