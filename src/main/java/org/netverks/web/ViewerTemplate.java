package org.netverks.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A rendered page cut where a viewer's name, e-mail address and CSRF token go. */
final class ViewerTemplate {

    // control characters: nothing an author or a learner can put into a page
    static final String NAME = "\u0001viewer-name\u0001";
    static final String EMAIL = "\u0001viewer-email\u0001";
    static final String TOKEN = "\u0001viewer-token\u0001";

    private final List<byte[]> pieces;
    private final List<String> gaps;

    private ViewerTemplate(List<byte[]> pieces, List<String> gaps) {
        this.pieces = pieces;
        this.gaps = gaps;
    }

    static ViewerTemplate of(byte[] page) {
        String html = new String(page, StandardCharsets.UTF_8);
        List<byte[]> pieces = new ArrayList<>();
        List<String> gaps = new ArrayList<>();
        int from = 0;
        while (true) {
            int next = -1;
            String marker = null;
            for (String candidate : List.of(NAME, EMAIL, TOKEN)) {
                int at = html.indexOf(candidate, from);
                if (at >= 0 && (next < 0 || at < next)) {
                    next = at;
                    marker = candidate;
                }
            }
            if (next < 0) {
                pieces.add(html.substring(from).getBytes(StandardCharsets.UTF_8));
                return new ViewerTemplate(pieces, gaps);
            }
            pieces.add(html.substring(from, next).getBytes(StandardCharsets.UTF_8));
            gaps.add(marker);
            from = next + marker.length();
        }
    }

    byte[] fill(Viewer viewer, String csrf) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(
                pieces.stream().mapToInt(piece -> piece.length).sum() + 256);
        for (int i = 0; i < pieces.size(); i++) {
            out.writeBytes(pieces.get(i));
            if (i < gaps.size()) {
                String value =
                        switch (gaps.get(i)) {
                            case NAME -> viewer.displayName();
                            case EMAIL -> viewer.email();
                            default -> csrf;
                        };
                out.writeBytes(escape(value).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    /** As jte escapes text and attribute values. */
    private static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 16);
        for (char c : value.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&#34;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
