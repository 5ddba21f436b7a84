package org.netverks.lab.run;

import java.util.Map;
import org.netverks.lab.shared.DisplaySettings;

/**
 * psql's interpolation of its variables into SQL text: {@code :name} as the value itself,
 * {@code :'name'} as a string literal (quoted as PQescapeLiteral quotes) and {@code :"name"} as an
 * identifier. As in psql, nothing happens inside quotes, dollar quotes and comments, {@code ::} is a
 * cast, and a name without a value stays as it is. The result is the learner's own SQL text, which
 * then runs as any statement they type.
 */
public final class Variables {

    /** The statement would grow past {@link DisplaySettings#MAX_INTERPOLATED_CHARS} with its variables put in. */
    public static final class TooLong extends Exception {
        TooLong() {
            super(
                    "With its variables put in, this statement would be longer than 1 MB, the most the lab sends "
                            + "for one statement (interpolation limit).",
                    null,
                    false,
                    false);
        }
    }

    private Variables() {}

    public static String interpolate(String sql, Map<String, String> variables) throws TooLong {
        if (variables.isEmpty() || sql.indexOf(':') < 0) {
            return sql;
        }
        StringBuilder out = new StringBuilder(sql.length());
        int length = sql.length();
        int i = 0;
        while (i < length) {
            char c = sql.charAt(i);
            int next;
            if (c == '\'') {
                boolean escapes = i > 0
                        && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e')
                        && (i < 2 || !Character.isLetterOrDigit(sql.charAt(i - 2)));
                next = SqlScript.skipQuoted(sql, i + 1, '\'', escapes);
            } else if (c == '"') {
                next = SqlScript.skipQuoted(sql, i + 1, '"', false);
            } else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                next = end < 0 ? length : end;
            } else if (sql.startsWith("/*", i)) {
                next = SqlScript.skipBlockComment(sql, i + 2);
            } else if (c == '$') {
                next = SqlScript.skipDollarQuoted(sql, i);
            } else if (sql.startsWith("::", i)) {
                next = i + 2;
            } else if (c == ':') {
                next = substitute(sql, i, variables, out);
                if (next > i) {
                    i = next;
                    if (out.length() > DisplaySettings.MAX_INTERPOLATED_CHARS) {
                        throw new TooLong();
                    }
                    continue;
                }
                next = i + 1;
            } else {
                next = i + 1;
            }
            out.append(sql, i, next);
            i = next;
            if (out.length() > DisplaySettings.MAX_INTERPOLATED_CHARS) {
                throw new TooLong();
            }
        }
        return out.toString();
    }

    /**
     * Appends the value of the variable named at {@code colon} and returns where the text goes on,
     * or returns {@code colon} when there is no set variable there.
     */
    private static int substitute(String sql, int colon, Map<String, String> variables, StringBuilder out) {
        int start = colon + 1;
        char quote = start < sql.length() ? sql.charAt(start) : 0;
        boolean quoted = quote == '\'' || quote == '"';
        int nameStart = quoted ? start + 1 : start;
        int nameEnd = nameStart;
        while (nameEnd < sql.length() && isNameChar(sql.charAt(nameEnd))) {
            nameEnd++;
        }
        if (nameEnd == nameStart || (quoted && (nameEnd >= sql.length() || sql.charAt(nameEnd) != quote))) {
            return colon;
        }
        String value = variables.get(sql.substring(nameStart, nameEnd));
        if (value == null) {
            return colon;
        }
        if (!quoted) {
            out.append(value);
            return nameEnd;
        }
        out.append(quote == '\'' ? literal(value) : identifier(value));
        return nameEnd + 1;
    }

    /** psql's variable names: ASCII letters, digits, underscores, and any non-ASCII character. */
    static boolean isNameChar(char c) {
        return c >= 0x80 || c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** PQescapeLiteral(): quotes doubled; with a backslash in it, backslashes doubled and " E" before the quote. */
    static String literal(String value) {
        String quoted = "'" + value.replace("'", "''").replace("\\", "\\\\") + "'";
        return value.indexOf('\\') >= 0 ? " E" + quoted : quoted;
    }

    /** PQescapeIdentifier(): in double quotes, double quotes doubled. */
    static String identifier(String value) {
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
