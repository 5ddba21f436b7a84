package org.netverks.lab.exercise;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * What kind of value a PostgreSQL type holds, for the "category" type rule, and how values are
 * compared: numbers by value (2.50 equals 2.5), everything else exactly as PostgreSQL wrote it.
 */
final class ColumnKinds {

    private ColumnKinds() {}

    /** "number", "text", "date", "timestamp", …; an unknown type is its own kind. */
    static String kind(String type) {
        String base = type.toLowerCase(Locale.ROOT).replaceAll("\\(.*?\\)", "").strip();
        if (base.endsWith("[]")) {
            return "array of " + kind(base.substring(0, base.length() - 2));
        }
        return switch (base) {
            case "smallint", "integer", "bigint", "numeric", "real", "double precision", "oid" -> "number";
            case "text", "character varying", "character", "name", "\"char\"", "citext" -> "text";
            case "timestamp without time zone" -> "timestamp";
            case "timestamp with time zone" -> "timestamp with time zone";
            case "time without time zone", "time with time zone" -> "time of day";
            case "json", "jsonb" -> "JSON";
            default -> base;
        };
    }

    /** The kind as a learner reads it in feedback: "a number", "text", "a date". */
    static String described(String kind) {
        return switch (kind) {
            case "number" -> "a number";
            case "text", "JSON" -> kind;
            case "boolean" -> "a boolean";
            case "date" -> "a date";
            case "timestamp", "timestamp with time zone", "time of day", "interval" -> "a " + kind;
            default -> "of type " + kind;
        };
    }

    static boolean isNumber(String type) {
        return kind(type).equals("number");
    }

    /** A number's value, or null when the text is not a finite number ("NaN", "Infinity", "abc"). */
    static BigDecimal number(String text) {
        if (text == null || text.isEmpty() || text.length() > 400) {
            return null;
        }
        char first = text.charAt(0);
        if (!(Character.isDigit(first) || first == '-' || first == '+' || first == '.')) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
