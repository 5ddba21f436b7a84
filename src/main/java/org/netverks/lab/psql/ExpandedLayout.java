package org.netverks.lab.psql;

import java.util.ArrayList;
import java.util.List;
import org.netverks.lab.shared.PrintOptions;

/**
 * psql's print_aligned_vertical() in its ascii line style, without wrapping: one "-[ RECORD n ]"
 * block per row with a "name | value" line per column, in the rules of \pset border 0, 1 (the
 * default) or 2. With \pset tuples_only the record lines lose their labels.
 */
final class ExpandedLayout {

    private final int border;
    private final boolean tuplesOnly;
    private final boolean rowCount;

    private ExpandedLayout(PrintOptions print, boolean tuplesOnly) {
        this.border = Math.min(print.border(), 2);
        this.tuplesOnly = tuplesOnly;
        this.rowCount = print.footer();
    }

    static List<String> lines(
            String title,
            List<PsqlFormatter.Column> columns,
            List<List<String>> rows,
            List<String> footers,
            PrintOptions print,
            boolean tuplesOnly) {
        return new ExpandedLayout(print, tuplesOnly).print(title, columns, rows, footers);
    }

    private List<String> print(
            String title, List<PsqlFormatter.Column> columns, List<List<String>> rows, List<String> footers) {
        List<String> out = new ArrayList<>();
        if (rows.isEmpty() || columns.isEmpty()) {
            // psql prints neither title nor records here, only the footers or its row count
            if (!tuplesOnly && !footers.isEmpty()) {
                out.addAll(footers);
            } else if (!tuplesOnly && rowCount) {
                out.add(PsqlFormatter.rowCount(rows.size()));
            }
            return out;
        }
        List<CellLines> headers =
                columns.stream().map(column -> CellLines.of(column.name())).toList();
        List<List<CellLines>> cells = rows.stream()
                .map(row -> row.stream()
                        .map(value -> CellLines.of(value == null ? "" : value))
                        .toList())
                .toList();
        int headerWidth = headers.stream().mapToInt(CellLines::maxWidth).max().orElse(0);
        int dataWidth = cells.stream()
                .flatMap(List::stream)
                .mapToInt(CellLines::maxWidth)
                .max()
                .orElse(0);
        boolean headerMultiline = headers.stream().anyMatch(header -> header.height() > 1);
        boolean multiline = cells.stream().flatMap(List::stream).anyMatch(cell -> cell.height() > 1);
        if (title != null && !tuplesOnly) {
            out.add(title);
        }
        for (int record = 0; record < cells.size(); record++) {
            if (!tuplesOnly) {
                out.add(recordLine(record + 1, headerWidth, dataWidth));
            } else if (record != 0 || border == 2) {
                out.add(recordLine(0, headerWidth, dataWidth));
            }
            List<CellLines> row = cells.get(record);
            for (int i = 0; i < headers.size(); i++) {
                addField(out, headers.get(i), row.get(i), headerWidth, dataWidth, headerMultiline, multiline);
            }
        }
        if (border == 2) {
            out.add(recordLine(0, headerWidth, dataWidth));
        }
        if (!footers.isEmpty() && !tuplesOnly) {
            if (border < 2) {
                out.add("");
            }
            out.addAll(footers);
        }
        return out;
    }

    /**
     * psql's print_aligned_vertical_line(): "-[ RECORD 1 ]-+----" (border 1), "* Record 1" (border
     * 0), "+-[ RECORD 1 ]-+---+" (border 2), or a plain rule for record 0; the rule's joints line up
     * with the field lines when there is room.
     */
    private String recordLine(int record, int headerWidth, int dataWidth) {
        String fill = border > 0 ? "-" : " ";
        StringBuilder text = new StringBuilder(border == 2 ? "+-" : border == 1 ? "-" : "");
        int used = 0;
        if (record > 0) {
            String label = border == 0 ? "* Record " + record : "[ RECORD " + record + " ]";
            text.append(label);
            used = label.length();
        }
        if (border != 2) {
            used++;
        }
        text.append(fill.repeat(Math.max(0, headerWidth - used)));
        used -= headerWidth;
        if (border > 0) {
            if (used-- <= 0) {
                text.append('-');
            }
            if (used-- <= 0) {
                text.append('+');
            }
            if (used-- <= 0) {
                text.append('-');
            }
        } else if (used-- <= 0) {
            text.append(' ');
        }
        used = Math.max(used, 0);
        text.append(fill.repeat(Math.max(0, Math.max(dataWidth, used) - used)));
        if (border == 2) {
            text.append("-+");
        }
        return text.toString();
    }

    private void addField(
            List<String> out,
            CellLines header,
            CellLines value,
            int headerWidth,
            int dataWidth,
            boolean headerMultiline,
            boolean multiline) {
        int headerLine = 0;
        int valueLine = 0;
        boolean headerDone = false;
        boolean valueDone = false;
        while (!headerDone || !valueDone) {
            StringBuilder text = new StringBuilder(border == 2 ? "|" : "");
            if (!headerDone) {
                if (border == 2) {
                    text.append(' ');
                }
                text.append(header.line(headerLine)).append(" ".repeat(headerWidth - header.width(headerLine)));
                boolean mark = border > 0 || headerMultiline;
                if (headerLine < header.height() - 1) {
                    text.append(mark ? "+" : "");
                    headerLine++;
                } else {
                    text.append(mark ? " " : "");
                    headerDone = true;
                }
            } else {
                int spaces = headerWidth + border + (border == 0 && headerMultiline ? 1 : 0);
                text.append(" ".repeat(Math.max(spaces, 1)));
            }
            if (border > 0) {
                text.append('|');
            }
            if (!valueDone) {
                text.append(' ').append(value.line(valueLine));
                int spare = dataWidth - value.width(valueLine);
                if (valueLine < value.height() - 1) {
                    if (border > 1 || multiline) {
                        text.append(" ".repeat(spare)).append('+');
                    }
                    valueLine++;
                } else {
                    if (border > 1) {
                        text.append(" ".repeat(spare)).append(' ');
                    }
                    valueDone = true;
                }
                text.append(border == 2 ? "|" : "");
            } else if (border == 2) {
                text.append(" ".repeat(dataWidth)).append("  |");
            }
            out.add(text.toString());
        }
    }
}
