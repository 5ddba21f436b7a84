package org.netverks.lab.psql;

import java.util.ArrayList;
import java.util.List;

/**
 * psql's print_aligned_text() in its ascii line style, without wrapping: centred title and
 * headers, "+" where a value continues on the next line, and the rules of \pset border 0, 1
 * (the default) or 2. With \pset tuples_only the title and headers are left out.
 */
final class AlignedLayout {

    private final List<PsqlFormatter.Column> columns;
    private final List<CellLines> headers = new ArrayList<>();
    private final List<List<CellLines>> cells = new ArrayList<>();
    private final int[] widths;
    private final int border;
    private final boolean tuplesOnly;

    /** {@code border} as \pset keeps it: psql prints anything above 2 as 2. */
    AlignedLayout(List<PsqlFormatter.Column> columns, List<List<String>> rows, int border, boolean tuplesOnly) {
        this.columns = columns;
        this.border = Math.min(border, 2);
        this.tuplesOnly = tuplesOnly;
        this.widths = new int[columns.size()];
        // psql sizes columns by their headers even when tuples_only leaves the headers out
        for (int i = 0; i < columns.size(); i++) {
            CellLines header = CellLines.of(columns.get(i).name());
            headers.add(header);
            widths[i] = header.maxWidth();
        }
        for (List<String> row : rows) {
            List<CellLines> formatted = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                String value = row.get(i);
                CellLines cell = CellLines.of(value == null ? "" : value);
                formatted.add(cell);
                widths[i] = Math.max(widths[i], cell.maxWidth());
            }
            cells.add(formatted);
        }
    }

    /** The lines before the footers: title, headers, rows, and the bottom rule of border 2. */
    List<String> lines(String title) {
        List<String> out = new ArrayList<>();
        if (!tuplesOnly) {
            if (title != null) {
                int titleWidth = CellLines.of(title).maxWidth();
                int totalWidth = totalWidth();
                out.add(titleWidth >= totalWidth ? title : " ".repeat((totalWidth - titleWidth) / 2) + title);
            }
            if (border == 2) {
                out.add(rule());
            }
            addHeaderLines(out);
            out.add(rule());
        }
        for (List<CellLines> row : cells) {
            addRowLines(out, row);
        }
        if (border == 2) {
            out.add(rule());
        }
        return out;
    }

    private int totalWidth() {
        int count = columns.size();
        int total =
                switch (border) {
                    case 0 -> count;
                    case 1 -> count == 0 ? 0 : count * 3 - 1;
                    default -> count * 3 + 1;
                };
        for (int width : widths) {
            total += width;
        }
        return total;
    }

    private void addHeaderLines(List<String> out) {
        int height = headers.stream().mapToInt(CellLines::height).max().orElse(0);
        for (int line = 0; line < height; line++) {
            StringBuilder text = new StringBuilder(border == 2 ? "|" : "");
            for (int i = 0; i < headers.size(); i++) {
                CellLines header = headers.get(i);
                boolean done = line >= header.height() - 1;
                if (border != 0) {
                    text.append(' ');
                }
                if (line < header.height()) {
                    int spare = widths[i] - header.width(line);
                    text.append(" ".repeat(spare / 2)).append(header.line(line)).append(" ".repeat((spare + 1) / 2));
                } else {
                    text.append(" ".repeat(widths[i]));
                }
                text.append(done ? ' ' : '+');
                if (border != 0 && i < headers.size() - 1) {
                    text.append('|');
                }
            }
            out.add(text.append(border == 2 ? "|" : "").toString());
        }
    }

    private String rule() {
        StringBuilder text = new StringBuilder(border == 2 ? "+-" : border == 1 ? "-" : "");
        for (int i = 0; i < widths.length; i++) {
            text.append("-".repeat(widths[i]));
            if (i < widths.length - 1) {
                text.append(border == 0 ? " " : "-+-");
            }
        }
        return text.append(border == 2 ? "-+" : border == 1 ? "-" : "").toString();
    }

    private void addRowLines(List<String> out, List<CellLines> row) {
        if (row.isEmpty()) {
            return; // psql prints no line at all for a row without columns
        }
        int[] next = new int[row.size()];
        boolean more;
        do {
            more = false;
            StringBuilder text = new StringBuilder(border == 2 ? "|" : "");
            for (int i = 0; i < row.size(); i++) {
                CellLines cell = row.get(i);
                boolean last = i == row.size() - 1;
                // psql pads the last column only when a border or a continuation mark follows it
                boolean finalSpaces = border == 2 || !last;
                int printed = widths[i];
                if (border != 0) {
                    text.append(' ');
                }
                if (next[i] < cell.height()) {
                    printed = cell.width(next[i]);
                    if (columns.get(i).rightAligned()) {
                        text.append(" ".repeat(widths[i] - printed));
                    }
                    text.append(cell.line(next[i]));
                    next[i]++;
                    more |= next[i] < cell.height();
                } else if (finalSpaces) {
                    text.append(" ".repeat(widths[i]));
                }
                boolean continues = next[i] > 0 && next[i] < cell.height();
                if (!columns.get(i).rightAligned() && (finalSpaces || continues)) {
                    text.append(" ".repeat(widths[i] - printed));
                }
                if (continues) {
                    text.append('+');
                } else if (finalSpaces) {
                    text.append(' ');
                }
                if (border != 0 && !last) {
                    text.append('|');
                }
            }
            out.add(text.append(border == 2 ? "|" : "").toString());
        } while (more);
    }
}
