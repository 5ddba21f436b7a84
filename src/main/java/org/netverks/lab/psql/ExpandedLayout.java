package org.netverks.lab.psql;

import java.util.ArrayList;
import java.util.List;

/**
 * psql's print_aligned_vertical() for the default settings (border 1, ascii line style): one
 * "-[ RECORD n ]" block per row with a "name | value" line per column.
 */
final class ExpandedLayout {

    private ExpandedLayout() {}

    static List<String> lines(
            String title, List<PsqlFormatter.Column> columns, List<List<String>> rows, List<String> footers) {
        List<String> out = new ArrayList<>();
        if (rows.isEmpty() || columns.isEmpty()) {
            // psql prints neither title nor records here, only the footers or its row count
            if (footers.isEmpty()) {
                out.add(PsqlFormatter.rowCount(rows.size()));
            } else {
                out.addAll(footers);
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
        boolean multiline = cells.stream().flatMap(List::stream).anyMatch(cell -> cell.height() > 1);
        if (title != null) {
            out.add(title);
        }
        for (int record = 0; record < cells.size(); record++) {
            out.add(recordLine(record + 1, headerWidth, dataWidth));
            List<CellLines> row = cells.get(record);
            for (int i = 0; i < headers.size(); i++) {
                addField(out, headers.get(i), row.get(i), headerWidth, dataWidth, multiline);
            }
        }
        if (!footers.isEmpty()) {
            out.add("");
            out.addAll(footers);
        }
        return out;
    }

    /** "-[ RECORD 1 ]-+----": the dashes line up with the " | " of the field lines when there is room. */
    private static String recordLine(int record, int headerWidth, int dataWidth) {
        String label = "[ RECORD " + record + " ]";
        StringBuilder text = new StringBuilder("-").append(label);
        int used = label.length() + 1;
        text.append("-".repeat(Math.max(0, headerWidth - used)));
        used -= headerWidth;
        if (used-- <= 0) {
            text.append('-');
        }
        if (used-- <= 0) {
            text.append('+');
        }
        if (used-- <= 0) {
            text.append('-');
        }
        used = Math.max(used, 0);
        text.append("-".repeat(Math.max(0, dataWidth - used)));
        return text.toString();
    }

    private static void addField(
            List<String> out, CellLines header, CellLines value, int headerWidth, int dataWidth, boolean multiline) {
        int headerLine = 0;
        int valueLine = 0;
        boolean headerDone = false;
        boolean valueDone = false;
        while (!headerDone || !valueDone) {
            StringBuilder text = new StringBuilder();
            if (!headerDone) {
                text.append(header.line(headerLine)).append(" ".repeat(headerWidth - header.width(headerLine)));
                if (headerLine < header.height() - 1) {
                    text.append('+');
                    headerLine++;
                } else {
                    text.append(' ');
                    headerDone = true;
                }
            } else {
                text.append(" ".repeat(headerWidth + 1));
            }
            text.append('|');
            if (!valueDone) {
                text.append(' ').append(value.line(valueLine));
                if (valueLine < value.height() - 1) {
                    if (multiline) {
                        text.append(" ".repeat(dataWidth - value.width(valueLine)))
                                .append('+');
                    }
                    valueLine++;
                } else {
                    valueDone = true;
                }
            }
            out.add(text.toString());
        }
    }
}
