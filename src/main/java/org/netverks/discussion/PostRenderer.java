package org.netverks.discussion;

import java.util.regex.Pattern;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.springframework.stereotype.Component;

/**
 * A learner's Markdown to HTML that is safe in another learner's browser. Two locks: CommonMark
 * escapes any raw HTML and drops unsafe link targets, and the OWASP sanitiser then keeps only a
 * small set of elements (paragraphs, emphasis, code, quotes, lists, links to http, https, mailto
 * or this site's paths, marked nofollow). Rendered on every read, so a tightened policy applies to old
 * posts too.
 */
@Component
class PostRenderer {

    static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li", "a")
            // absolute http(s) and mailto targets, or a path on this site; anything else (a javascript:
            // target CommonMark already emptied, say) drops the attribute, and a link without one its tag
            .allowAttributes("href")
            .matching(Pattern.compile("(?i)(https?://|mailto:|/(?![/\\\\])).*"))
            .onElements("a")
            .allowStandardUrlProtocols() // http, https, mailto
            .requireRelsOnLinks("nofollow", "noopener", "ugc")
            .allowAttributes("start")
            .matching(Pattern.compile("[0-9]{1,6}"))
            .onElements("ol")
            .toFactory();

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .softbreak("<br>")
            .build();

    String render(String markdown) {
        return POLICY.sanitize(renderer.render(parser.parse(markdown)));
    }
}
