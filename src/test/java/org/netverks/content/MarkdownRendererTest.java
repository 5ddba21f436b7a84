package org.netverks.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    @Test
    void rawHtmlIsEscapedNotRendered() {
        String html = renderer.render("Hello <script>alert(1)</script> <img src=x onerror=alert(1)>")
                .html();
        assertThat(html)
                .doesNotContain("<script>")
                .doesNotContain("<img")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void javascriptLinksAreNeutralised() {
        String html = renderer.render("[click](javascript:alert(1))").html();
        assertThat(html).doesNotContain("javascript:");
    }

    @Test
    void calloutsBecomeMarkedBlockQuotesWithoutTheMarker() {
        String html = renderer.render("> [!WARNING]\n> Mind the gap.").html();
        assertThat(html)
                .isEqualTo("<blockquote class=\"callout callout-warning\" data-callout=\"warning\">\n"
                        + "<p>Mind the gap.</p>\n</blockquote>\n");
    }

    @Test
    void aPlainQuoteStaysAQuote() {
        assertThat(renderer.render("> Just a quote.").html())
                .isEqualTo("<blockquote>\n<p>Just a quote.</p>\n</blockquote>\n");
    }

    @Test
    void headingsGetUniqueAnchorsThatAvoidThePagesOwnSections() {
        MarkdownRenderer.Rendered rendered =
                renderer.render("## Joins & keys\n\n## Joins & keys\n\n## Discussion\n\n### Small");
        assertThat(rendered.headings())
                .extracting(Lesson.Heading::anchor)
                .containsExactly("joins-keys", "joins-keys-2", "discussion-2");
        assertThat(rendered.html()).contains("<h3 id=\"small\">Small</h3>");
    }

    @Test
    void sqlBlocksThatFailOnPurposeOrBelongOutsideTheLabAreLabelled() {
        MarkdownRenderer.Rendered rendered = renderer.render(
                "```sql outside-lab\nselect * from pg_stat_activity;\n```\n\n"
                        + "```sql error\nselect nope;\n```\n\n```sql rows=1\nselect 1;\n```\n",
                10);
        assertThat(rendered.html())
                .isEqualTo(
                        "<p class=\"sql-note sql-note-outside-lab\">Run this on your own server, not in the lab</p>\n"
                                + "<pre data-sql=\"outside-lab\"><code class=\"language-sql\">select * from pg_stat_activity;\n"
                                + "</code></pre>\n"
                                + "<p class=\"sql-note sql-note-error\">This fails on purpose</p>\n"
                                + "<pre data-sql=\"error\"><code class=\"language-sql\">select nope;\n</code></pre>\n"
                                + "<pre><code class=\"language-sql\">select 1;\n</code></pre>\n");
        assertThat(rendered.sqlBlocks())
                .containsExactly(
                        new SqlBlock(10, "select * from pg_stat_activity;\n", null, false, true),
                        new SqlBlock(14, "select nope;\n", null, true, false),
                        new SqlBlock(18, "select 1;\n", 1, false, false));
        assertThat(rendered.sqlProblems()).isEmpty();
        assertThat(rendered.firstLabSql()).as("not the outside-lab block").isEqualTo("select nope;\n");
    }

    @Test
    void onlySqlBlocksAreReadForAnnotations() {
        MarkdownRenderer.Rendered rendered =
                renderer.render("```python error\nprint(1)\n```\n\n> ```sql\n> select 1;\n> ```\n", 3);
        assertThat(rendered.sqlProblems()).isEmpty();
        assertThat(rendered.sqlBlocks()).containsExactly(new SqlBlock(7, "select 1;\n", null, false, false));
    }

    @Test
    void inlineRenderingDropsTheParagraph() {
        assertThat(renderer.renderInline("Use `%s`, *not* f-strings"))
                .isEqualTo("Use <code>%s</code>, <em>not</em> f-strings");
        assertThat(renderer.renderInline("One.\n\nTwo.")).isEqualTo("<p>One.</p>\n<p>Two.</p>");
    }

    @Test
    void tablesAreSupported() {
        assertThat(renderer.render("| a | b |\n|---|---|\n| 1 | 2 |").html())
                .contains("<table>")
                .contains("<td>1</td>");
    }
}
