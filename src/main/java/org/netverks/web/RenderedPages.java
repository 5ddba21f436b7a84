package org.netverks.web;

import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The one way a page is rendered. Every page template takes exactly two parameters: {@code
 * PageContext context} (site, viewer, CSRF token, built here from the request) and one typed
 * record {@code page}; it passes {@code context} on to {@code layout/page.jte}.
 *
 * <p>{@link #render} renders a page for one response. {@link #page} serves pages that are the same
 * for every anonymous visitor until the content changes, rendered once to UTF-8 bytes and served
 * from memory: a lesson page is ~70 KB of HTML; rendering and encoding it on every request cost
 * about twice the CPU of serving the same bytes as a static file. Entries belong to one content
 * version ({@code generation}); a reload starts a fresh cache. A signed-in learner's copy is the
 * cached render with their name, address and token spliced in ({@link ViewerTemplate}).
 */
@Component
public class RenderedPages {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final TemplateEngine templates;
    private final Site site;
    private final PageContext anonymous;
    private volatile Object generation;
    private final Map<String, byte[]> pages = new ConcurrentHashMap<>();
    private final Map<String, ViewerTemplate> viewerPages = new ConcurrentHashMap<>();

    RenderedPages(TemplateEngine templates, Site site) {
        this.templates = templates;
        this.site = site;
        this.anonymous = new PageContext(site, null, () -> "");
    }

    /** {@code template} with {@code page} as its model, for this request's viewer, with the given status. */
    public ResponseEntity<byte[]> render(int status, String template, Object page, HttpServletRequest request) {
        return html(status, bytes(template, contextOf(request), page));
    }

    /**
     * The same, written straight to the response: for filters and security handlers, which answer
     * before Spring MVC (headers set before are kept).
     */
    public void write(
            int status, String template, Object page, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        byte[] body = bytes(template, contextOf(request), page);
        response.setStatus(status);
        response.setContentType(HTML.toString());
        response.getOutputStream().write(body);
    }

    /**
     * The cached page for {@code key} in this {@code generation}, rendering {@code template} with
     * {@code page} on first use; for a signed-in viewer, the cached render with them spliced in.
     */
    public ResponseEntity<byte[]> page(
            Object generation, String key, String template, Supplier<?> page, HttpServletRequest request) {
        if (generation != this.generation) {
            // checked before the viewer's branch too: a signed-in learner gets the new content at once
            synchronized (this) {
                if (generation != this.generation) {
                    pages.clear();
                    viewerPages.clear();
                    this.generation = generation;
                }
            }
        }
        Viewer viewer = Viewers.of(request);
        if (viewer != null) {
            return html(200, forViewer(key, template, page, viewer, Viewers.csrf(request)));
        }
        byte[] body = pages.computeIfAbsent(key, k -> bytes(template, anonymous, page.get()));
        return html(200, body);
    }

    /**
     * A signed-in learner's copy of a cached page: the page is rendered once with markers where the
     * viewer's name, address and CSRF token go, and each request splices in its own (HTML-escaped),
     * so a signed-in page costs a copy, not a render.
     */
    private byte[] forViewer(String key, String template, Supplier<?> page, Viewer viewer, String csrf) {
        ViewerTemplate parts = viewerPages.computeIfAbsent(key + (viewer.moderator() ? "#moderator" : ""), k -> {
            PageContext markers = new PageContext(
                    site,
                    new Viewer(ViewerTemplate.NAME, ViewerTemplate.EMAIL, viewer.moderator()),
                    () -> ViewerTemplate.TOKEN);
            return ViewerTemplate.of(bytes(template, markers, page.get()));
        });
        return parts.fill(viewer, csrf);
    }

    private PageContext contextOf(HttpServletRequest request) {
        return new PageContext(site, Viewers.of(request), () -> Viewers.csrf(request));
    }

    private static ResponseEntity<byte[]> html(int status, byte[] body) {
        return ResponseEntity.status(status).contentType(HTML).body(body);
    }

    private byte[] bytes(String template, PageContext context, Object page) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(96 * 1024);
        Utf8ByteOutput output = new Utf8ByteOutput();
        templates.render(template, Map.of("context", context, "page", page), output);
        try {
            output.writeTo(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
