package org.netverks.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** A plain HTTP client for the app under test, as a browser without JavaScript sees it. */
public final class Http {

    private final java.net.CookieManager cookies = new java.net.CookieManager();
    private final HttpClient client =
            HttpClient.newBuilder().cookieHandler(cookies).build();
    private final String base;
    private final String forwardedFor;

    public Http(int port) {
        this(port, null);
    }

    /**
     * A client at another address: requests say they were forwarded for {@code forwardedFor}, which the
     * app under test believes (IntegrationTest trusts forwarded headers from loopback, as behind a proxy).
     */
    public Http(int port, String forwardedFor) {
        this.base = "http://localhost:" + port;
        this.forwardedFor = forwardedFor;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "text/html")
                .GET()
                .build());
    }

    public HttpResponse<String> getJson(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "application/json")
                .GET()
                .build());
    }

    public HttpResponse<String> postJson(String path, String json) {
        return post(path, "application/json", json);
    }

    /** A POST as our pages send it: with the session cookie and the CSRF token from its cookie. */
    public HttpResponse<String> post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType)
                .header("Accept", "application/json")
                .header("X-XSRF-TOKEN", csrfToken())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** A PUT of JSON as our scripts send it: with the session cookie and the CSRF token from its cookie. */
    public HttpResponse<String> putJson(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-XSRF-TOKEN", csrfToken())
                .PUT(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    /** A form as a browser submits it (the CSRF token travels in the header here, as our scripts send it). */
    public HttpResponse<String> postForm(String path, java.util.Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
                .append(java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8))
                .append('=')
                .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .header("X-XSRF-TOKEN", csrfToken())
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build());
    }

    /** The value of a cookie this client holds, or null. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue)
                .findFirst()
                .orElse(null);
    }

    /** Sets a cookie as if the server had set it for {@code path} (a test's forged or swapped cookie). */
    public void setCookie(String name, String value, String path) {
        java.net.HttpCookie cookie = new java.net.HttpCookie(name, value);
        cookie.setPath(path);
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(base + path), cookie);
    }

    /** Forgets a cookie, as a browser does when it expires. */
    public void dropCookie(String name) {
        cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .toList()
                .forEach(c -> cookies.getCookieStore().getURIs().forEach(uri -> cookies.getCookieStore()
                        .remove(uri, c)));
    }

    /** A POST whose body is streamed without a Content-Length (chunked). */
    public HttpResponse<String> postStream(String path, String json) {
        byte[] bytes = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", csrfToken())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes)))
                .build());
    }

    /** A POST without the CSRF header, as a forged cross-site request would arrive. */
    public HttpResponse<String> postWithoutCsrf(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    private String csrfToken() {
        if (cookies.getCookieStore().getCookies().stream()
                .noneMatch(c -> c.getName().equals("XSRF-TOKEN"))) {
            get("/");
        }
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(java.net.HttpCookie::getValue)
                .findFirst()
                .orElse("");
    }

    public Document page(String path) {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode());
        }
        return Jsoup.parse(response.body(), base + path);
    }

    private HttpResponse<String> send(HttpRequest request) {
        if (forwardedFor != null) {
            request = HttpRequest.newBuilder(request, (name, value) -> true)
                    .header("X-Forwarded-For", forwardedFor)
                    .build();
        }
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
