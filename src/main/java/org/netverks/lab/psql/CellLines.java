package org.netverks.lab.psql;

import java.util.ArrayList;
import java.util.List;

/**
 * A value split into display lines the way psql's pg_wcsformat() does: newlines start a new line,
 * tabs advance to the next multiple of eight, control characters are shown escaped. Widths are
 * terminal columns, so wide East Asian characters count two and combining marks none.
 */
record CellLines(List<String> lines, List<Integer> widths) {

    static CellLines of(String text) {
        List<String> lines = new ArrayList<>();
        List<Integer> widths = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            if (codePoint == '\n') {
                lines.add(line.toString());
                widths.add(width);
                line.setLength(0);
                width = 0;
            } else if (codePoint == '\r') {
                line.append("\\r");
                width += 2;
            } else if (codePoint == '\t') {
                do {
                    line.append(' ');
                    width++;
                } while (width % 8 != 0);
            } else {
                int columns = displayWidth(codePoint);
                if (columns >= 0) {
                    line.appendCodePoint(codePoint);
                    width += columns;
                } else if (codePoint < 0x80) {
                    line.append(String.format("\\x%02X", codePoint));
                    width += 4;
                } else {
                    line.append(String.format("\\u%04X", codePoint));
                    width += 6;
                }
            }
        }
        lines.add(line.toString());
        widths.add(width);
        return new CellLines(List.copyOf(lines), List.copyOf(widths));
    }

    int height() {
        return lines.size();
    }

    String line(int index) {
        return lines.get(index);
    }

    int width(int index) {
        return widths.get(index);
    }

    int maxWidth() {
        return widths.stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /** Columns a character takes, -1 for control characters (psql's ucs_wcwidth). */
    static int displayWidth(int codePoint) {
        if (codePoint == 0) {
            return 0;
        }
        if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0)) {
            return -1;
        }
        int type = Character.getType(codePoint);
        if (type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || (type == Character.FORMAT && codePoint != 0xad)) {
            return 0;
        }
        return isWide(codePoint) ? 2 : 1;
    }

    // Markus Kuhn's table of East Asian wide and fullwidth ranges, which psql's own table refines;
    // it agrees for CJK text and the common emoji blocks.
    private static boolean isWide(int c) {
        return c >= 0x1100
                && (c <= 0x115f
                        || c == 0x2329
                        || c == 0x232a
                        || (c >= 0x2e80 && c <= 0xa4cf && c != 0x303f)
                        || (c >= 0xac00 && c <= 0xd7a3)
                        || (c >= 0xf900 && c <= 0xfaff)
                        || (c >= 0xfe10 && c <= 0xfe19)
                        || (c >= 0xfe30 && c <= 0xfe6f)
                        || (c >= 0xff00 && c <= 0xff60)
                        || (c >= 0xffe0 && c <= 0xffe6)
                        || (c >= 0x1f300 && c <= 0x1f64f)
                        || (c >= 0x1f900 && c <= 0x1f9ff)
                        || (c >= 0x20000 && c <= 0x2fffd)
                        || (c >= 0x30000 && c <= 0x3fffd));
    }
}
