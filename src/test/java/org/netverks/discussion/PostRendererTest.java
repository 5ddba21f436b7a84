package org.netverks.discussion;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Learner Markdown renders to the safe subset only. */
class PostRendererTest {

    private final PostRenderer renderer = new PostRenderer();

    @Test
    void keepsTheSafeSubset() {
        assertThat(renderer.render("*a* **b** `c`\n\n> q\n\n- one\n- two\n"))
                .isEqualTo(
                        "<p><em>a</em> <strong>b</strong> <code>c</code></p>\n<blockquote>\n<p>q</p>\n</blockquote>\n"
                                + "<ul><li>one</li><li>two</li></ul>\n");
        assertThat(renderer.render("[docs](https://www.postgresql.org/docs/)"))
                .isEqualTo(
                        "<p><a href=\"https://www.postgresql.org/docs/\" rel=\"nofollow noopener ugc\">docs</a></p>\n");
        assertThat(renderer.render("[lesson](/tracks/postgresql/joins)")).contains("href=\"/tracks/postgresql/joins\"");
    }

    @Test
    void dropsHtmlScriptsHandlersAndUnsafeLinks() {
        String html = renderer.render("<script>alert(1)</script> <img src=x onerror=alert(2)>\n\n"
                + "text [a](javascript:alert(3)) [b](//evil.example) [c](data:text/html,hi) <a href=\"javascript:x\">d</a>"
                + " <b onclick=\"x()\">e</b>\n\n# heading\n\n![img](https://example.org/x.png)");
        org.jsoup.nodes.Document document = org.jsoup.Jsoup.parseBodyFragment(html);
        assertThat(document.body().select("script, img, h1, b, a")).isEmpty();
        assertThat(document.body().getAllElements().stream().flatMap(e -> e.attributes().asList().stream()))
                .isEmpty();
        assertThat(document.text()).contains("<script>alert(1)</script>", "heading", "a b c");
    }
}
