import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * New learners arriving at the lab, each with its own session cookie and CSRF token; prints the
 * latency of each one's first run. Run with the JDK's single-file launcher:
 *
 *   java bench/LabLoad.java first URL COUNT INTERVAL_MS
 */
public class LabLoad {

    static final String RUN = "/api/lab/postgresql/postgresql-with-python/run";

    public static void main(String[] args) throws Exception {
        String base = args[1];
        switch (args[0]) {
            case "first" -> first(base, Integer.parseInt(args[2]), Long.parseLong(args[3]));
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

    static double pct(List<Double> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
