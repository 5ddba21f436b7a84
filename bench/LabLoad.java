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
 *   java bench/LabLoad.java checks URL LEARNERS ROUNDS [dml]   (a run and a check of the same answer, per round;
 *                                                          dml: a data-changing exercise graded on a fresh copy)
 */
public class LabLoad {

    static final String RUN = "/api/lab/postgresql/postgresql-with-python/run";

    public static void main(String[] args) throws Exception {
        String base = args[1];
        switch (args[0]) {
            case "first" -> first(base, Integer.parseInt(args[2]), Long.parseLong(args[3]));
            case "checks" -> checks(base, Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    args.length > 4 && args[4].equals("dml") ? DML : QUERY);
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
            return post(RUN, sql);
        }

        int post(String path, String sql) throws Exception {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + path))
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

    /** An exercise, and a right answer to it (without double quotes or backslashes: it goes into JSON as is). */
    record Exercise(String lesson, String id, String answer) {
    }

    /** A query exercise with a hidden dataset: two datasets, both read on their shared read-only copies. */
    static final Exercise QUERY = new Exercise("/api/lab/postgresql/first-select", "contact-label",
            "select id, full_name || ' <' || email || '>' as contact from customers");
    /** A transfer graded by a check query: the answer writes, so it runs on a fresh copy of its own. */
    static final Exercise DML = new Exercise("/api/lab/postgresql/transactions", "transfer-50",
            "begin; update accounts set balance = balance - 50.00 where id = 16; "
                    + "update accounts set balance = balance + 50.00 where id = 21; "
                    + "insert into transfers (from_account, to_account, amount) values (16, 21, 50.00); commit;");

    /**
     * Learners who each, per round, run an answer in the lab and then check the same answer: the
     * check's cost next to the run's, measured in the same run of the same app.
     */
    static void checks(String base, int learners, int rounds, Exercise exercise) throws Exception {
        String run = exercise.lesson() + "/run";
        String check = exercise.lesson() + "/exercises/" + exercise.id() + "/check";
        List<Double> runs = Collections.synchronizedList(new ArrayList<>());
        List<Double> checks = Collections.synchronizedList(new ArrayList<>());
        int[] failures = {0};
        List<Thread> threads = new ArrayList<>();
        List<Learner> ready = new ArrayList<>();
        for (int l = 0; l < learners; l++) {
            Learner learner = new Learner(base);
            learner.post(run, exercise.answer()); // the sandbox exists before timing starts
            learner.post(check, exercise.answer()); // and the reference result is known
            ready.add(learner);
        }
        // what the warm-up left to the background (pools refilled, copies dropped) is done before timing
        Thread.sleep(4000);
        for (Learner learner : ready) {
            Thread thread = new Thread(() -> {
                try {
                    for (int r = 0; r < rounds; r++) {
                        long start = System.nanoTime();
                        int status = learner.post(run, exercise.answer());
                        runs.add((System.nanoTime() - start) / 1e6);
                        start = System.nanoTime();
                        status = Math.max(status, learner.post(check, exercise.answer()));
                        checks.add((System.nanoTime() - start) / 1e6);
                        synchronized (failures) {
                            failures[0] += status == 200 ? 0 : 1;
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        List<Double> sortedRuns = new ArrayList<>(runs);
        List<Double> sortedChecks = new ArrayList<>(checks);
        Collections.sort(sortedRuns);
        Collections.sort(sortedChecks);
        System.out.printf(exercise.id() + ": learners=%d rounds=%d failures=%d run p50_ms=%.1f p90_ms=%.1f | check p50_ms=%.1f p90_ms=%.1f "
                + "max_ms=%.1f | check/run p50 = %.1f%n", learners, rounds, failures[0], pct(sortedRuns, 50),
                pct(sortedRuns, 90), pct(sortedChecks, 50), pct(sortedChecks, 90),
                sortedChecks.get(sortedChecks.size() - 1), pct(sortedChecks, 50) / pct(sortedRuns, 50));
    }

    static double pct(List<Double> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
