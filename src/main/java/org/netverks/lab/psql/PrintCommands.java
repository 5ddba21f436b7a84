package org.netverks.lab.psql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.netverks.lab.shared.DisplaySettings;
import org.netverks.lab.shared.PrintOptions;

/**
 * \pset, \t and \a: psql's table printing options, with its messages, its reading of values and
 * its errors (psql's do_pset() and printPsetInfo()). The lab prints in the options it has;
 * the others keep psql's defaults, which \pset lists as psql does.
 */
final class PrintCommands {

    /** psql's formats in its order; an abbreviation must match one only ("latex" is also a prefix of latex-longtable). */
    private static final List<String> FORMATS =
            List.of("aligned", "asciidoc", "csv", "html", "latex", "troff-ms", "unaligned", "wrapped");

    private static final List<String> ALL_FORMATS = List.of(
            "aligned", "asciidoc", "csv", "html", "latex", "latex-longtable", "troff-ms", "unaligned", "wrapped");

    /**
     * The formats the lab prints. psql prints "wrapped" as "aligned" when it knows no terminal
     * width (its output piped, \pset columns 0), which is always the lab's case.
     */
    private static final List<String> LAB_FORMATS = List.of("aligned", "csv", "unaligned", "wrapped");

    /** Options psql has that the lab does not change, which \pset lists with psql's defaults. */
    private static final List<String> OTHER_OPTIONS = List.of(
            "columns",
            "csv_fieldsep",
            "fieldsep_zero",
            "linestyle",
            "numericlocale",
            "pager",
            "pager_min_lines",
            "recordsep",
            "recordsep_zero",
            "tableattr",
            "title",
            "unicode_border_linestyle",
            "unicode_column_linestyle",
            "unicode_header_linestyle",
            "xheader_width");

    private PrintCommands() {}

    static MetaCommandResult pset(Optional<String> option, Optional<String> value, DisplaySettings settings) {
        if (option.isEmpty()) {
            return new MetaCommandResult.Text(list(settings));
        }
        PrintOptions print = settings.print();
        return switch (option.get()) {
            case "border" ->
                changed(
                        settings,
                        value.map(v -> print.withBorder(atoi(v) & 0xFFFF)).orElse(print),
                        "border");
            case "format" -> format(value, settings);
            case "null" -> changed(settings, value.map(print::withNullDisplay).orElse(print), "null");
            case "fieldsep" -> changed(settings, value.map(print::withFieldSep).orElse(print), "fieldsep");
            case "t", "tuples_only" -> onOff("tuples_only", option.get(), value, settings);
            case "footer" -> onOff("footer", option.get(), value, settings);
            case "x", "expanded" -> DisplayCommands.expanded(value, settings);
            default ->
                new MetaCommandResult.Failure(
                        OTHER_OPTIONS.contains(option.get())
                                ? "\\pset " + option.get() + " is not supported in the lab: it prints with "
                                        + "border, fieldsep, footer, format, null and tuples_only."
                                : "\\pset: unknown option: " + option.get());
        };
    }

    /** \t: tuples only on, off or toggled; like \pset tuples_only, silent when given a value. */
    static MetaCommandResult tuplesOnly(Optional<String> value, DisplaySettings settings) {
        return onOff("tuples_only", "tuples_only", value, settings);
    }

    /**
     * tuples_only or footer: toggled without a value, else set from it. {@code typed}: the name as
     * typed, which psql's error repeats.
     */
    private static MetaCommandResult onOff(
            String option, String typed, Optional<String> value, DisplaySettings settings) {
        PrintOptions print = settings.print();
        boolean current = option.equals("footer") ? print.footer() : print.tuplesOnly();
        if (value.isEmpty()) {
            return changed(settings, with(print, option, !current), option);
        }
        Optional<Boolean> on = DisplayCommands.parseBoolean(value.get());
        if (on.isEmpty()) {
            return new MetaCommandResult.Failure(
                    "unrecognized value \"" + value.get() + "\" for \"" + typed + "\": Boolean expected");
        }
        // psql's do_pset() returns before printing the setting when these were given a value
        return new MetaCommandResult.SettingChanged(settings.withPrint(with(print, option, on.get())), "");
    }

    private static PrintOptions with(PrintOptions print, String option, boolean on) {
        return option.equals("footer") ? print.withFooter(on) : print.withTuplesOnly(on);
    }

    /** \a: aligned when the format is anything else, unaligned when it is aligned. */
    static MetaCommandResult toggleAligned(DisplaySettings settings) {
        String format = settings.print().format().equals("aligned") ? "unaligned" : "aligned";
        return changed(settings, settings.print().withFormat(format), "format");
    }

    private static MetaCommandResult format(Optional<String> value, DisplaySettings settings) {
        PrintOptions print = settings.print();
        if (value.isEmpty()) {
            return changed(settings, print, "format");
        }
        String wanted = value.get();
        String match = null;
        for (String format : FORMATS) {
            if (startsWithIgnoringCase(format, wanted)) {
                if (match != null) {
                    return new MetaCommandResult.Failure("\\pset: ambiguous abbreviation \"" + wanted
                            + "\" matches both \"" + match + "\" and \"" + format + "\"");
                }
                match = format;
            }
        }
        if (match == null && startsWithIgnoringCase("latex-longtable", wanted)) {
            match = "latex-longtable";
        }
        if (match == null) {
            return new MetaCommandResult.Failure("\\pset: allowed formats are " + String.join(", ", ALL_FORMATS));
        }
        if (!LAB_FORMATS.contains(match)) {
            return new MetaCommandResult.Failure("The " + match + " format is not supported in the lab: "
                    + "it prints aligned, unaligned, csv and wrapped (which is aligned without a terminal).");
        }
        return changed(settings, print.withFormat(match), "format");
    }

    private static MetaCommandResult changed(DisplaySettings settings, PrintOptions print, String option) {
        String message =
                switch (option) {
                    case "border" -> "Border style is " + print.border() + ".";
                    case "format" -> "Output format is " + print.format() + ".";
                    case "null" -> "Null display is \"" + print.nullDisplay() + "\".";
                    case "fieldsep" -> "Field separator is \"" + print.fieldSep() + "\".";
                    case "footer" -> print.footer() ? "Default footer is on." : "Default footer is off.";
                    default -> print.tuplesOnly() ? "Tuples only is on." : "Tuples only is off.";
                };
        return new MetaCommandResult.SettingChanged(settings.withPrint(print), message);
    }

    /** \pset alone: every option and its value, as psql 17 lists them. */
    private static String list(DisplaySettings settings) {
        PrintOptions print = settings.print();
        List<String[]> options = new ArrayList<>(List.of(
                new String[] {"border", Integer.toString(print.border())},
                new String[] {"columns", "0"},
                new String[] {"csv_fieldsep", "','"},
                new String[] {"expanded", settings.expanded() ? "on" : "off"},
                new String[] {"fieldsep", quoted(print.fieldSep())},
                new String[] {"fieldsep_zero", "off"},
                new String[] {"footer", print.footer() ? "on" : "off"},
                new String[] {"format", print.format()},
                new String[] {"linestyle", "ascii"},
                new String[] {"null", quoted(print.nullDisplay())},
                new String[] {"numericlocale", "off"},
                new String[] {"pager", "0"},
                new String[] {"pager_min_lines", "0"},
                new String[] {"recordsep", "'\\n'"},
                new String[] {"recordsep_zero", "off"},
                new String[] {"tableattr", ""},
                new String[] {"title", ""},
                new String[] {"tuples_only", print.tuplesOnly() ? "on" : "off"},
                new String[] {"unicode_border_linestyle", "single"},
                new String[] {"unicode_column_linestyle", "single"},
                new String[] {"unicode_header_linestyle", "single"},
                new String[] {"xheader_width", "full"}));
        return String.join(
                "\n",
                options.stream()
                        .map(option -> String.format("%-24s %s", option[0], option[1]))
                        .toList());
    }

    /** psql's pset_quoted_string(): in single quotes, a quote and a line feed escaped with a backslash. */
    private static String quoted(String value) {
        return "'" + value.replace("'", "\\'").replace("\n", "\\n") + "'";
    }

    private static boolean startsWithIgnoringCase(String text, String prefix) {
        return text.regionMatches(true, 0, prefix, 0, prefix.length()) && prefix.length() <= text.length();
    }

    /** C's atoi(): leading blanks, a sign, then digits; anything else ends the number (0 when none). */
    static int atoi(String value) {
        String text = value.stripLeading();
        int i = 0;
        boolean negative = false;
        if (i < text.length() && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        long number = 0;
        while (i < text.length() && Character.isDigit(text.charAt(i)) && number < Integer.MAX_VALUE) {
            number = number * 10 + (text.charAt(i) - '0');
            i++;
        }
        return (int) (negative ? -number : number);
    }
}
