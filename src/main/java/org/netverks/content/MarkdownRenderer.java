package org.netverks.content;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Lesson Markdown to HTML. Raw HTML in the source is escaped, never passed through, so the output
 * is safe to put in a page as it is. Adds what lessons need on top of CommonMark: callouts
 * ({@code > [!TIP]}), anchors on headings for the Jump menu, a table extension, and the SQL blocks
 * with their annotations ({@link SqlBlock}): a block that fails on purpose or is meant for the
 * learner's own server gets a label above it, and its {@code pre} a {@code data-sql} attribute.
 */
final class MarkdownRenderer {

    private static final Pattern CALLOUT = Pattern.compile("^\\[!(NOTE|TIP|WARNING)]\\s*");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_']+");

    private final Parser parser = Parser.builder()
            .extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS)
            .build();

    /**
     * The HTML of a lesson body with what the page needs to know about it. {@code sqlProblems} are
     * annotations on SQL blocks that mean nothing ("line N: …").
     */
    record Rendered(
            String html,
            List<Lesson.Heading> headings,
            List<String> links,
            int words,
            List<SqlBlock> sqlBlocks,
            List<String> sqlProblems) {

        /** What the lab's editor holds at first: the first SQL block the lab can run. */
        String firstLabSql() {
            return sqlBlocks.stream()
                    .filter(block -> !block.outsideLab())
                    .map(SqlBlock::sql)
                    .findFirst()
                    .orElse(null);
        }
    }

    Rendered render(String markdown) {
        return render(markdown, 1);
    }

    /** {@code firstLine}: the line of lesson.md the Markdown starts on, so SQL blocks know theirs. */
    Rendered render(String markdown, int firstLine) {
        Node document = parser.parse(markdown);
        Map<Node, Map<String, String>> attributes = new IdentityHashMap<>();
        List<Lesson.Heading> headings = new ArrayList<>();
        List<String> links = new ArrayList<>();
        List<SqlBlock> sqlBlocks = new ArrayList<>();
        List<String> sqlProblems = new ArrayList<>();
        Map<String, Integer> anchorsUsed = new HashMap<>();
        LessonPageSections.IDS.forEach(id -> anchorsUsed.put(id, 1));
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(BlockQuote blockQuote) {
                markCallout(blockQuote, attributes);
                visitChildren(blockQuote);
            }

            @Override
            public void visit(Heading heading) {
                String text = plainText(heading);
                String anchor = uniqueAnchor(text, anchorsUsed);
                attributes.put(heading, Map.of("id", anchor));
                if (heading.getLevel() == 2) {
                    headings.add(new Lesson.Heading(anchor, text));
                }
                visitChildren(heading);
            }

            @Override
            public void visit(Link link) {
                links.add(link.getDestination());
                visitChildren(link);
            }

            @Override
            public void visit(FencedCodeBlock block) {
                if (SqlBlock.isSql(block.getInfo())) {
                    int line = firstLine
                            + (block.getSourceSpans().isEmpty()
                                    ? 0
                                    : block.getSourceSpans().get(0).getLineIndex());
                    SqlBlock sql = SqlBlock.parse(block.getInfo(), block.getLiteral(), line, sqlProblems);
                    sqlBlocks.add(sql);
                    label(block, sql, attributes);
                }
            }
        });
        String html = htmlRenderer(attributes).render(document);
        return new Rendered(html, headings, links, countWords(markdown), sqlBlocks, sqlProblems);
    }

    /** Short Markdown (a quiz choice, a card face) without the wrapping paragraph. */
    String renderInline(String markdown) {
        String html = render(markdown).html().strip();
        if (html.startsWith("<p>") && html.endsWith("</p>") && html.indexOf("<p>", 1) < 0) {
            return html.substring(3, html.length() - 4);
        }
        return html;
    }

    /** The headings of level 1 in a body: lesson bodies must not have any (the title is the h1). */
    List<String> topLevelHeadings(String markdown) {
        List<String> found = new ArrayList<>();
        parser.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                if (heading.getLevel() == 1) {
                    found.add(plainText(heading));
                }
            }
        });
        return found;
    }

    /** Fenced code blocks whose language is not named: they would get no highlighting. */
    int unlabelledCodeBlocks(String markdown) {
        int[] count = {0};
        parser.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(FencedCodeBlock block) {
                if (block.getInfo() == null || block.getInfo().isBlank()) {
                    count[0]++;
                }
            }
        });
        return count[0];
    }

    static int countWords(String text) {
        Matcher matcher = WORD.matcher(text);
        int words = 0;
        while (matcher.find()) {
            words++;
        }
        return words;
    }

    private HtmlRenderer htmlRenderer(Map<Node, Map<String, String>> attributes) {
        return HtmlRenderer.builder()
                .extensions(List.of(TablesExtension.create()))
                .escapeHtml(true)
                .sanitizeUrls(true)
                .attributeProviderFactory(context -> (node, tagName, attrs) -> {
                    Map<String, String> extra = attributes.get(node);
                    // a code block's attributes go on its pre, not on the code inside it too
                    if (extra != null && !(node instanceof FencedCodeBlock && !tagName.equals("pre"))) {
                        attrs.putAll(extra);
                    }
                })
                .build();
    }

    /**
     * A block that must fail, or that is meant for the learner's own server, says so above it; the
     * page script reads {@code data-sql} (no "Try in lab" for a block the lab cannot run).
     */
    private static void label(FencedCodeBlock block, SqlBlock sql, Map<Node, Map<String, String>> attributes) {
        String kind = sql.outsideLab() ? "outside-lab" : sql.mustFail() ? "error" : null;
        if (kind == null) {
            return;
        }
        Paragraph label = new Paragraph();
        label.appendChild(
                new Text(sql.outsideLab() ? "Run this on your own server, not in the lab" : "This fails on purpose"));
        block.insertBefore(label);
        attributes.put(label, Map.of("class", "sql-note sql-note-" + kind));
        attributes.put(block, Map.of("data-sql", kind));
    }

    private static void markCallout(BlockQuote blockQuote, Map<Node, Map<String, String>> attributes) {
        if (!(blockQuote.getFirstChild() instanceof Paragraph paragraph)
                || !(paragraph.getFirstChild() instanceof Text marker)) {
            return;
        }
        Matcher matcher = CALLOUT.matcher(marker.getLiteral());
        if (!matcher.find()) {
            return;
        }
        String kind = matcher.group(1).toLowerCase(Locale.ROOT);
        String rest = marker.getLiteral().substring(matcher.end());
        if (rest.isEmpty()) {
            Node next = marker.getNext();
            marker.unlink();
            if (next instanceof SoftLineBreak) {
                next.unlink();
            }
        } else {
            marker.setLiteral(rest);
        }
        Map<String, String> calloutAttributes = new LinkedHashMap<>();
        calloutAttributes.put("class", "callout callout-" + kind);
        calloutAttributes.put("data-callout", kind);
        attributes.put(blockQuote, calloutAttributes);
    }

    private static String plainText(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text literal) {
                text.append(literal.getLiteral());
            }

            @Override
            public void visit(Code code) {
                text.append(code.getLiteral());
            }
        });
        return text.toString().strip();
    }

    private static String uniqueAnchor(String text, Map<String, Integer> used) {
        String base =
                text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (base.isEmpty()) {
            base = "section";
        }
        int seen = used.merge(base, 1, Integer::sum);
        return seen == 1 ? base : base + "-" + seen;
    }
}
