package org.netverks.web;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The Content-Security-Policy of every page: scripts, styles, images and requests only from this
 * site, no plugins, no framing, forms only to this site. The one inline script, the lesson page's
 * import map (browsers cannot load an import map from a file), is allowed by the SHA-256 of its
 * exact content, computed here from the rendered template at start-up. A hash, not a per-request
 * nonce, because lesson pages are rendered once and served as cached bytes ({@link RenderedPages}).
 *
 * <p>Styles allow {@code 'unsafe-inline'}: CodeMirror (style-mod) adds its editor styles as
 * {@code <style>} elements at run time, whose content no hash can name, and a nonce cannot go into
 * cached pages. Inline CSS runs no code, and what it could load (images, fonts) is held to this
 * site by img-src and font-src; scripts get no such exception.
 */
@Component
class ContentSecurityPolicy {

    static final String IMPORT_MAP_TEMPLATE = "layout/importmap.jte";
    private static final String OPEN = "<script type=\"importmap\">";
    private static final String CLOSE = "</script>";

    private final String header;

    ContentSecurityPolicy(TemplateEngine templates) {
        this.header = "default-src 'self'; script-src 'self' '" + importMapHash(templates)
                + "'; style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
                + "form-action 'self'; frame-ancestors 'none'";
    }

    /** The header's value. */
    String header() {
        return header;
    }

    static String importMapHash(TemplateEngine templates) {
        StringOutput output = new StringOutput();
        templates.render(IMPORT_MAP_TEMPLATE, Map.of(), output);
        String html = output.toString();
        int start = html.indexOf(OPEN);
        int end = html.indexOf(CLOSE, start);
        if (start < 0 || end < 0) {
            throw new IllegalStateException(IMPORT_MAP_TEMPLATE + " must hold one <script type=\"importmap\"> element");
        }
        return sha256(html.substring(start + OPEN.length(), end));
    }

    private static String sha256(String content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
