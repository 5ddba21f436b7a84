package org.netverks.lab.psql;

import java.util.ArrayList;
import java.util.List;

/**
 * psql's print_aligned_text() for the default settings (border 1, ascii line style, no wrapping):
 * centred title and headers, "|" between columns, "+" where a value continues on the next line.
 */
final class AlignedLayout {

    private final List<PsqlFormatter.Column> columns;
    private final List<CellLines> headers = new ArrayList<>();
    private final List<List<CellLines>> cells = new ArrayList<>();
    private final int[] widths;

    AlignedLayout(List<PsqlFormatter.Column> columns, List<List<String>> rows) {
        this.columns = columns;
        this.widths = new int[columns.size()];
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

    List<String> lines(String title) {
        List<String> out = new ArrayList<>();
        if (title != null) {
            int titleWidth = CellLines.of(title).maxWidth();
            int totalWidth = totalWidth();
            out.add(titleWidth >= totalWidth ? title : " ".repeat((totalWidth - titleWidth) / 2) + title);
        }
        addHeaderLines(out);
        out.add(rule());
        for (List<CellLines> row : cells) {
            addRowLines(out, row);
        }
        return out;
    }

    private int totalWidth() {
        int total = columns.isEmpty() ? 0 : columns.size() * 3 - 1;
        for (int width : widths) {
            total += width;
        }
        return total;
    }

    private void addHeaderLines(List<String> out) {
        int height = headers.stream().mapToInt(CellLines::height).max().orElse(0);
        for (int line = 0; line < height; line++) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < headers.size(); i++) {
                CellLines header = headers.get(i);
                text.append(' ');
                if (line < header.height()) {
                    int spare = widths[i] - header.width(line);
                    text.append(" ".repeat(spare / 2)).append(header.line(line)).append(" ".repeat((spare + 1) / 2));
                    text.append(line < header.height() - 1 ? '+' : ' ');
                } else {
                    text.append(" ".repeat(widths[i])).append(' ');
                }
                if (i < headers.size() - 1) {
                    text.append('|');
                }
            }
            out.add(text.toString());
        }
    }

    private String rule() {
        StringBuilder text = new StringBuilder("-");
        for (int i = 0; i < widths.length; i++) {
            text.append("-".repeat(widths[i]));
            if (i < widths.length - 1) {
                text.append("-+-");
            }
        }
        return text.append('-').toString();
    }

    private void addRowLines(List<String> out, List<CellLines> row) {
        if (row.isEmpty()) {
            return; // psql prints no line at all for a row without columns
        }
        int[] next = new int[row.size()];
        boolean more;
        do {
            more = false;
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                CellLines cell = row.get(i);
                boolean last = i == row.size() - 1;
                int printed = widths[i];
                text.append(' ');
                if (next[i] < cell.height()) {
                    printed = cell.width(next[i]);
                    if (columns.get(i).rightAligned()) {
                        text.append(" ".repeat(widths[i] - printed));
                    }
                    text.append(cell.line(next[i]));
                    next[i]++;
                    more |= next[i] < cell.height();
                } else if (!last) {
                    text.append(" ".repeat(widths[i]));
                }
                boolean continues = next[i] > 0 && next[i] < cell.height();
                // psql leaves the last column unpadded unless a continuation mark follows
                if (!columns.get(i).rightAligned() && (!last || continues)) {
                    text.append(" ".repeat(widths[i] - printed));
                }
                if (continues) {
                    text.append('+');
                } else if (!last) {
                    text.append(' ');
                }
                if (!last) {
                    text.append('|');
                }
            }
            out.add(text.toString());
        } while (more);
    }
}
