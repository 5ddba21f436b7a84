package org.netverks.lab.shared;

/**
 * psql's table printing options a learner changes with {@code \pset}, {@code \t} and {@code \a}.
 *
 * @param format      "aligned", "unaligned" or "csv"
 * @param border      as psql keeps it (0, 1, 2; psql accepts larger numbers and prints them as 2)
 * @param nullDisplay the text shown for SQL NULL
 * @param tuplesOnly  rows only: no header, no row count
 * @param fieldSep    the separator between the values of the unaligned format
 * @param footer      psql's default footer: the row count ("(2 rows)")
 */
public record PrintOptions(
        String format, int border, String nullDisplay, boolean tuplesOnly, String fieldSep, boolean footer)
        implements java.io.Serializable {

    public static final PrintOptions DEFAULT = new PrintOptions("aligned", 1, "", false, "|", true);

    public PrintOptions withFormat(String newFormat) {
        return new PrintOptions(newFormat, border, nullDisplay, tuplesOnly, fieldSep, footer);
    }

    public PrintOptions withBorder(int newBorder) {
        return new PrintOptions(format, newBorder, nullDisplay, tuplesOnly, fieldSep, footer);
    }

    public PrintOptions withNullDisplay(String newNullDisplay) {
        return new PrintOptions(format, border, newNullDisplay, tuplesOnly, fieldSep, footer);
    }

    public PrintOptions withTuplesOnly(boolean newTuplesOnly) {
        return new PrintOptions(format, border, nullDisplay, newTuplesOnly, fieldSep, footer);
    }

    public PrintOptions withFieldSep(String newFieldSep) {
        return new PrintOptions(format, border, nullDisplay, tuplesOnly, newFieldSep, footer);
    }

    public PrintOptions withFooter(boolean newFooter) {
        return new PrintOptions(format, border, nullDisplay, tuplesOnly, fieldSep, newFooter);
    }
}
