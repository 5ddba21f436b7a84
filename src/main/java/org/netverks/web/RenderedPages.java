package org.netverks.web;

import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Pages that are the same for every anonymous visitor until the content changes, rendered once
 * to UTF-8 bytes and served from memory. A lesson page is ~70 KB of HTML; rendering and encoding
 * it on every request cost about twice the CPU of serving the same bytes as a static file.
 * Entries belong to one content version ({@code generation}); a reload starts a fresh cache.
 * A signed-in learner's page carries their name and is rendered for them alone.
 */
@Component
public class RenderedPages {

    private final TemplateEngine templates;
    private final Site site;
    private volatile Object generation;
    private final Map<String, byte[]> pages = new ConcurrentHashMap<>();
    private final Map<String, ViewerTemplate> viewerPages = new ConcurrentHashMap<>();

    RenderedPages(TemplateEngine templates, Site site) {
        this.templates = templates;
        this.site = site;
    }

    /**
     * The page for {@code key} in this {@code generation}, rendering it from the template on first
     * use; for a signed-in {@code viewer}, rendered afresh.
     */
    public ResponseEntity<byte[]> page(
            Object generation, String key, String template, Supplier<Map<String, Object>> model, Viewer viewer) {
        if (viewer != null) {
            return html(200, forViewer(generation, key, template, model, viewer));
        }
        if (generation != this.generation) {
            synchronized (this) {
                if (generation != this.generation) {
                    pages.clear();
                    viewerPages.clear();
                    this.generation = generation;
                }
            }
        }
        byte[] body = pages.computeIfAbsent(key, k -> render(template, model.get()));
        return html(200, body);
    }

    /**
     * A signed-in learner's copy of a cached page: the page is rendered once with markers where the
     * viewer's name, address and CSRF token go, and each request splices in its own (HTML-escaped),
     * so a signed-in page costs a copy, not a render.
     */
    private byte[] forViewer(
            Object generation, String key, String template, Supplier<Map<String, Object>> model, Viewer viewer) {
        ViewerTemplate parts = viewerPages.computeIfAbsent(key + (viewer.moderator() ? "#moderator" : ""), k -> {
            Map<String, Object> params = new java.util.HashMap<>(model.get());
            params.put(
                    "viewer",
                    new Viewer(ViewerTemplate.NAME, ViewerTemplate.EMAIL, viewer.moderator(), ViewerTemplate.TOKEN));
            return ViewerTemplate.of(render(template, params));
        });
        return parts.fill(viewer);
    }

    /** A page rendered once, for one response (a form with its errors, say), with the given status. */
    public ResponseEntity<byte[]> once(int status, String template, Map<String, Object> model) {
        return html(status, render(template, model));
    }

    private static ResponseEntity<byte[]> html(int status, byte[] body) {
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(body);
    }

    private byte[] render(String template, Map<String, Object> model) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(96 * 1024);
        Utf8ByteOutput output = new Utf8ByteOutput();
        Map<String, Object> params = new java.util.HashMap<>(model);
        params.put("site", site);
        templates.render(template, params, output);
        try {
            output.writeTo(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
