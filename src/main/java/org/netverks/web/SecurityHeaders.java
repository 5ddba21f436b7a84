package org.netverks.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode;
import org.springframework.stereotype.Component;

/**
 * The security headers of every page and API answer, as Spring Security's own header writers:
 * Spring Security's defaults (no sniffing, no caching, HSTS over HTTPS, no framing) plus our
 * Content-Security-Policy and a same-origin Referrer-Policy. {@link SecurityConfiguration} gives
 * the filter chain exactly these writers, and an answer written before that chain (the lab's lean
 * run path) writes them through {@link #write}, so both carry the same headers.
 */
@Component
public class SecurityHeaders {

    private final List<HeaderWriter> writers;

    SecurityHeaders(ContentSecurityPolicy policy) {
        this.writers = List.of(
                new XContentTypeOptionsHeaderWriter(),
                new XXssProtectionHeaderWriter(),
                new CacheControlHeadersWriter(),
                new HstsHeaderWriter(),
                new XFrameOptionsHeaderWriter(XFrameOptionsMode.DENY),
                new ContentSecurityPolicyHeaderWriter(policy.header()),
                // same-origin: a reset link's token never leaves the site in a Referer header
                new ReferrerPolicyHeaderWriter(ReferrerPolicy.SAME_ORIGIN));
    }

    List<HeaderWriter> writers() {
        return writers;
    }

    public void write(HttpServletRequest request, HttpServletResponse response) {
        for (HeaderWriter writer : writers) {
            writer.writeHeaders(request, response);
        }
    }
}
