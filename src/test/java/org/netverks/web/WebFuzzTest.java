package org.netverks.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.netverks.IntegrationTest;
import org.netverks.learner.Inbox;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint Spring MVC knows (read from its handler mapping, so a new one is covered without
 * a change here) gets malformed requests over a raw socket: bad ids and page numbers, NUL bytes,
 * invalid UTF-8 and escapes, wrong types and content types, huge and deeply nested bodies,
 * multipart without a boundary, bad cookies — as an anonymous visitor and as a signed-in learner
 * with a valid CSRF token, so requests get past security to the controllers. None may answer 5xx,
 * and none may log an error: a client's mistake is not ours.
 */
@IntegrationTest
class WebFuzzTest {

    private static final String TRACK = "fixture";
    private static final String LESSON = "first-select";
    private static final String EXERCISE = "price-with-tax";
    private static final String NUL_JSON = "x\\u0000y";
    private static final List<String> BAD_IDS =
            List.of("abc", "99999999999999999999", "-1", "1.5", "x%00y", "%C3%28", "%2e%2e", "a".repeat(3000));
    private static final List<String> QUERIES = List.of(
            "?page=abc",
            "?page=99999999999",
            "?page=-1",
            "?page=0",
            "?fragment&page=1e3",
            "?reply=99999999999999999999&reported",
            "?title=x%00y",
            "?x=%ZZ",
            "?continue=//evil.example",
            "?%00=%00",
            "?page=%C3%28",
            "?fragment=" + "a".repeat(20_000));
    private static final List<String> FIELDS = List.of(
            "email",
            "password",
            "displayName",
            "title",
            "body",
            "topic",
            "parent",
            "reason",
            "back",
            "choice",
            "currentPassword",
            "newPassword",
            "sql",
            "continue",
            "token",
            "reply",
            "page");

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    org.netverks.content.ContentCatalog catalog;

    private final List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();

    /** Someone sending requests: their cookies and the CSRF token that goes with them. */
    private record Identity(String name, String cookies, String csrf) {}

    @Test
    void noMalformedRequestGetsA5xxOrLogsAnError() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        root.addAppender(logged);
        long started = System.nanoTime();
        try {
            Http learnerHttp = new Http(port);
            String email = "fuzz-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
            Inbox.signUpAndConfirm(learnerHttp, email, "Fuzz", "a long enough passphrase");
            Map<String, String> ids = realIds(learnerHttp);
            Http anonymousHttp = new Http(port);
            anonymousHttp.get("/");
            List<Identity> identities = List.of(identity("anonymous", anonymousHttp), identity("learner", learnerHttp));
            RawHttp raw = new RawHttp(port);
            Map<String, Set<RequestMethod>> endpoints = endpoints();
            assertThat(endpoints).hasSizeGreaterThan(30);
            // a few at a time, as several visitors would send them
            ExecutorService visitors = Executors.newFixedThreadPool(3);
            List<Future<?>> done = new ArrayList<>();
            for (Identity who : identities) {
                for (Map.Entry<String, Set<RequestMethod>> endpoint : endpoints.entrySet()) {
                    for (RequestMethod method : endpoint.getValue()) {
                        done.add(visitors.submit(() -> fuzz(raw, who, endpoint.getKey(), method.name(), ids)));
                    }
                }
                done.add(visitors.submit(() -> badCookies(raw, who)));
            }
            try {
                for (Future<?> each : done) {
                    each.get();
                }
            } catch (InterruptedException | ExecutionException e) {
                throw new AssertionError(e);
            } finally {
                visitors.shutdownNow();
            }
            getErrorDirectly(raw, identities.get(0));
        } finally {
            root.detachAppender(logged);
        }
        System.out.printf(
                "WebFuzzTest: %d requests in %d s%n", sent.get(), (System.nanoTime() - started) / 1_000_000_000);
        List<String> errors = logged.list.stream()
                .filter(event -> event.getLevel().isGreaterOrEqual(Level.ERROR)
                        || (event.getLevel().isGreaterOrEqual(Level.WARN) && event.getThrowableProxy() != null))
                .map(event -> event.getLoggerName() + ": " + event.getFormattedMessage()
                        + (event.getThrowableProxy() == null
                                ? ""
                                : " — " + event.getThrowableProxy().getClassName() + ": "
                                        + event.getThrowableProxy().getMessage()))
                .distinct()
                .limit(40)
                .toList();
        assertThat(failures)
                .as("%d requests answered 5xx (of %d sent); the first of them", failed.get(), sent.get())
                .isEmpty();
        assertThat(errors).as("errors logged for malformed requests").isEmpty();
        assertThat(sent.get()).isGreaterThan(1000);
    }

    /** Path patterns and methods of every @RequestMapping; a mapping without methods gets GET and POST. */
    private Map<String, Set<RequestMethod>> endpoints() {
        Map<String, Set<RequestMethod>> endpoints = new LinkedHashMap<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                endpoints
                        .computeIfAbsent(pattern, p -> new LinkedHashSet<>())
                        .addAll(methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST) : methods);
            }
        }
        // actuator endpoints live in a handler mapping of their own
        for (String path : List.of(
                "/actuator",
                "/actuator/health",
                "/actuator/metrics",
                "/actuator/metrics/{name}",
                "/actuator/prometheus",
                "/actuator/info")) {
            endpoints.put(path, Set.of(RequestMethod.GET));
        }
        return endpoints;
    }

    /** Ids that exist, so requests with one bad part reach the code behind the good ones. */
    private static Map<String, String> realIds(Http learner) {
        Map<String, String> ids = new LinkedHashMap<>(Map.of(
                "track",
                TRACK,
                "trackSlug",
                TRACK,
                "lesson",
                LESSON,
                "lessonSlug",
                LESSON,
                "exercise",
                EXERCISE,
                "questionId",
                "select-result-set",
                "accountId",
                UUID.randomUUID().toString(),
                "threadId",
                "1",
                "postId",
                "1",
                "token",
                "abc"));
        HttpResponse<String> started = learner.postForm(
                "/tracks/" + TRACK + "/" + LESSON + "/discussion",
                Map.of("title", "Fuzzing", "body", "A thread to send bad requests to."));
        String location = started.headers().firstValue("Location").orElse("");
        Matcher thread = Pattern.compile("/discussion/(\\d+)").matcher(location);
        if (thread.find()) {
            ids.put("threadId", thread.group(1));
            Matcher post = Pattern.compile("id=\"post-(\\d+)\"")
                    .matcher(learner.get(location).body());
            if (post.find()) {
                ids.put("postId", post.group(1));
            }
        }
        return ids;
    }

    private static Identity identity(String name, Http http) {
        String session = http.cookie("SESSION");
        String csrf = http.cookie("XSRF-TOKEN");
        assertThat(csrf).as("a CSRF cookie for " + name).isNotNull();
        return new Identity(name, "XSRF-TOKEN=" + csrf + (session == null ? "" : "; SESSION=" + session), csrf);
    }

    private void fuzz(RawHttp raw, Identity who, String pattern, String method, Map<String, String> ids) {
        String good = fill(pattern, ids, null, null);
        // every path variable in turn gets every bad value, the others stay good
        Matcher variables = Pattern.compile("\\{(\\w+)}").matcher(pattern);
        while (variables.find()) {
            // slugs are plain strings: a few bad ones are enough; ids get all of them
            boolean slug = variables.group(1).toLowerCase().contains("track")
                    || variables.group(1).toLowerCase().contains("lesson");
            for (String bad : slug ? List.of("abc", "%2e%2e", "x%00y") : BAD_IDS) {
                send(
                        raw,
                        who,
                        method,
                        fill(pattern, ids, variables.group(1), bad),
                        form(Map.of("body", "a")),
                        "application/x-www-form-urlencoded");
            }
        }
        if (method.equals("GET")) {
            send(raw, who, method, good, null, null);
            for (String query : QUERIES) {
                send(raw, who, method, good + query, null, null);
            }
            return;
        }
        if (pattern.equals("/admin/content/reload") || pattern.endsWith("/reset")) {
            // a real content reload or a new sandbox each time: once is enough
            if (pattern.equals("/admin/content/reload")) {
                // the first reload in a JVM grades every exercise, which may take longer than a request may here
                catalog.reload();
            }
            send(raw, who, method, good, new byte[0], "application/json");
            return;
        }
        forms(raw, who, method, good);
        json(raw, who, method, good);
    }

    private void forms(RawHttp raw, Identity who, String method, String path) {
        String urlencoded = "application/x-www-form-urlencoded";
        send(raw, who, method, path, form(everyField("x%00y")), urlencoded);
        send(raw, who, method, path, form(everyField("a")), urlencoded);
        send(raw, who, method, path, form(everyField("%C3%28%FF")), urlencoded);
        send(
                raw,
                who,
                method,
                path,
                bytes("body=", new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF}, "&title=", new byte[] {
                    (byte) 0xED, (byte) 0xA0, (byte) 0x80
                }),
                urlencoded);
        send(raw, who, method, path, ascii("body=%ZZ&title=%&choice=%4&email=a%"), urlencoded);
        send(raw, who, method, path, form(everyField("a")), urlencoded + "; charset=x-bogus-charset");
        send(
                raw,
                who,
                method,
                path,
                bytes("body=", new byte[] {0x1B, 0x24, 0x42, 0x30, 0x21, 0x1B, 0x28, 0x42}),
                urlencoded + "; charset=ISO-2022-JP");
        if (who.name().equals("learner")) {
            heavyForms(raw, who, method, path);
        }
        send(
                raw,
                who,
                method,
                path,
                ascii("--x\r\nContent-Disposition: form-data; name=\"body\"\r\n\r\na\r\n--x--\r\n"),
                "multipart/form-data");
        send(raw, who, method, path, ascii("garbage without any boundary"), "multipart/form-data; boundary=zzz");
        send(raw, who, method, path, ascii("parent=99999999999999999999&page=-1&reply=abc&body=a&title=a"), urlencoded);
        send(raw, who, method, path, ascii("%00=1&x%00=2&body=a"), urlencoded);
    }

    /** Bodies of megabytes: sent once per endpoint, not once per identity. */
    private void heavyForms(RawHttp raw, Identity who, String method, String path) {
        String urlencoded = "application/x-www-form-urlencoded";
        send(raw, who, method, path, ascii("body=" + "a".repeat(5 * 1024 * 1024)), urlencoded);
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            many.append("p").append(i).append("=1&");
        }
        send(raw, who, method, path, ascii(many.toString()), urlencoded);
        send(raw, who, method, path, form(everyField("b".repeat(100_000))), urlencoded);
    }

    private void json(RawHttp raw, Identity who, String method, String path) {
        String type = "application/json";
        String nul = "{\"sql\":\"select 1" + NUL_JSON + "\",\"choice\":\"" + NUL_JSON
                + "\",\"lessons\":{\"pg-first-select\":"
                + "{\"openedAt\":\"2024-01-01T00:00:00Z\",\"quiz\":{\"select-result-set\":{\"choice\":\"b" + NUL_JSON
                + "\",\"answeredAt\":\"2024-01-01T00:00:00Z\"}}}}}";
        send(raw, who, method, path, ascii(nul), type);
        for (String time : !path.contains("/progress/")
                ? List.<String>of()
                : List.of(
                        "0000-01-01T00:00:00Z",
                        "-999999999-01-01T00:00:00Z",
                        "+294276-01-01T00:00:00Z",
                        "+1000000000-12-31T23:59:59.999999999Z")) {
            send(
                    raw,
                    who,
                    method,
                    path,
                    ascii("{\"lessons\":{\"pg-first-select\":{\"openedAt\":\"" + time
                            + "\",\"completedAt\":\"" + time + "\",\"uncompletedAt\":\"" + time
                            + "\",\"confidence\":{\"value\":3,"
                            + "\"savedAt\":\"" + time
                            + "\"},\"quiz\":{\"select-result-set\":{\"choice\":\"a\",\"answeredAt\":\""
                            + time + "\"}},\"exercises\":{\"" + EXERCISE + "\":{\"solvedAt\":\"" + time
                            + "\"}},\"cards\":{\"c1\":"
                            + "{\"rating\":\"good\",\"ratedAt\":\"" + time + "\",\"flippedAt\":\"" + time + "\"}}}}}"),
                    type);
        }
        for (String body : List.of(
                "{",
                "[]",
                "\"x\"",
                "null",
                "",
                "{\"sql\":123,\"choice\":[],\"lessons\":[]}",
                "{\"sql\":{\"a\":1},\"choice\":{},\"lessons\":{\"x\":1}}",
                "{\"lessons\":{\"" + NUL_JSON + "\":{}}}",
                "{\"sql\":1e999999,\"choice\":123456789012345678901234567890}",
                "{\"sql\":\"a\",\"sql\":\"b\"}",
                "{\"lessons\":{\"pg-first-select\":{\"confidence\":{\"value\":99999999999,\"savedAt\":\"x\"}}}}")) {
            send(raw, who, method, path, ascii(body), type);
        }
        if (path.endsWith("/run") || path.endsWith("/check")) {
            // an answer whose result is over the lab's size limit
            send(
                    raw,
                    who,
                    method,
                    path,
                    ascii("{\"sql\":\"select repeat('x', 1000000) from generate_series(1,100)\"}"),
                    type);
        }
        send(raw, who, method, path, ascii("[".repeat(50_000) + "]".repeat(50_000)), type);
        send(raw, who, method, path, ascii("{\"a\":".repeat(20_000) + "1" + "}".repeat(20_000)), type);
        if (who.name().equals("learner")) {
            send(raw, who, method, path, ascii("{\"sql\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}"), type);
        }
        send(raw, who, method, path, bytes("{\"sql\":\"", new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF}, "\"}"), type);
        for (String other : List.of(
                "application/*",
                "text/plain",
                "*/*",
                "application/json; charset=bogus",
                "application/x-www-form-urlencoded",
                "application/json;;;=")) {
            send(raw, who, method, path, ascii("{\"sql\":\"select 1\",\"choice\":\"a\"}"), other);
        }
        send(raw, who, method, path, ascii("{\"sql\":\"select 1\"}"), null);
    }

    /** Session cookies no server ever set: treated as no session, on pages, APIs and static files alike. */
    private void badCookies(RawHttp raw, Identity who) {
        List<String> sessions = List.of(
                "%%%",
                "AAAA",
                "AAAAAAAAAAAAAAAA",
                "!!!",
                "x".repeat(6000),
                "\"quoted\"",
                "YWJj",
                "Zm9vAGJhcg==",
                "____",
                "%00",
                "ZGVmaW5pdGVseSBub3QgYSBzZXNzaW9u",
                "=",
                "a=b=c");
        for (String session : sessions) {
            for (String path : List.of(
                    "/",
                    "/css/site.css",
                    "/tracks/" + TRACK + "/" + LESSON,
                    "/api/progress",
                    "/me",
                    "/login",
                    "/tracks/" + TRACK + "/" + LESSON + "/discussion?fragment")) {
                sendRaw(raw, who, "GET", path, null, "Cookie: SESSION=" + session, "Accept: text/html");
            }
            sendRaw(
                    raw,
                    who,
                    "POST",
                    "/api/lab/" + TRACK + "/" + LESSON + "/run",
                    ascii("{\"sql\":\"select 1\"}"),
                    "Cookie: XSRF-TOKEN=" + who.csrf() + "; SESSION=" + session,
                    "X-XSRF-TOKEN: " + who.csrf(),
                    "Content-Type: application/json");
        }
        sendRaw(
                raw,
                who,
                "POST",
                "/api/lab/" + TRACK + "/" + LESSON + "/run",
                ascii("{\"sql\":\"select 1\"}"),
                "Cookie: XSRF-TOKEN=%00garbage",
                "X-XSRF-TOKEN: other",
                "Content-Type: application/json");
        sendRaw(raw, who, "GET", "/", null, "Cookie: " + "a".repeat(10_000) + "=1");
        sendRaw(raw, who, "GET", "/", null, "Cookie: SESSION=a; SESSION=b; SESSION=%%%");
    }

    private void getErrorDirectly(RawHttp raw, Identity who) {
        for (String method : List.of("GET", "POST", "PUT", "DELETE")) {
            for (String accept : List.of("text/html", "application/json")) {
                sendRaw(raw, who, method, "/error", null, "Accept: " + accept);
            }
        }
    }

    private void send(RawHttp raw, Identity who, String method, String target, byte[] body, String contentType) {
        List<String> headers = new ArrayList<>(List.of(
                "Cookie: " + who.cookies(),
                "X-XSRF-TOKEN: " + who.csrf(),
                "Accept: " + (target.startsWith("/api/") ? "application/json" : "text/html")));
        if (contentType != null) {
            headers.add("Content-Type: " + contentType);
        }
        sendRaw(raw, who, method, target, body, headers.toArray(String[]::new));
    }

    private void sendRaw(RawHttp raw, Identity who, String method, String target, byte[] body, String... headers) {
        sent.incrementAndGet();
        RawHttp.Response response = raw.send(method, target, body, headers);
        if (response.status() >= 500 || response.status() == 0) {
            String request = method + " " + (target.length() > 120 ? target.substring(0, 120) + "…" : target)
                    + " as " + who.name() + " "
                    + List.of(headers).stream()
                            .filter(h -> h.startsWith("Content-Type") || h.startsWith("Cookie: SESSION"))
                            .map(h -> h.length() > 60 ? h.substring(0, 60) : h)
                            .toList()
                    + (body == null
                            ? ""
                            : " body " + new String(body, 0, Math.min(body.length, 80), StandardCharsets.ISO_8859_1));
            String content = response.text().substring(response.text().indexOf("\r\n\r\n") + 1);
            String answer = content.length() > 200 ? content.substring(0, 200) : content;
            if (failed.getAndIncrement() < 200) {
                failures.add(request + " → " + response.status() + "\n   " + answer.replace("\r\n", "\n   "));
            }
        }
    }

    private static String fill(String pattern, Map<String, String> ids, String badName, String badValue) {
        Matcher variables = Pattern.compile("\\{(\\w+)}").matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (variables.find()) {
            String name = variables.group(1);
            String value = name.equals(badName) ? badValue : ids.getOrDefault(name, "1");
            variables.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        variables.appendTail(path);
        return path.toString();
    }

    private static Map<String, String> everyField(String value) {
        Map<String, String> fields = new LinkedHashMap<>();
        FIELDS.forEach(name -> fields.put(name, value));
        return fields;
    }

    /** Fields whose values are already percent-encoded (or deliberately not). */
    private static byte[] form(Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) ->
                body.append(body.isEmpty() ? "" : "&").append(name).append('=').append(value));
        return ascii(body.toString());
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            out.writeBytes(part instanceof byte[] raw ? raw : ascii((String) part));
        }
        return out.toByteArray();
    }
}
