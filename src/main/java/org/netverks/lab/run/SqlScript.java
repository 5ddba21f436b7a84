package org.netverks.lab.run;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits what a learner typed into statements the way psql does: SQL ends at a semicolon outside
 * quotes, dollar quotes and comments; a line starting with a backslash is a meta-command. Each
 * piece keeps its offset in the whole text, so an error position maps back to the editor.
 */
public final class SqlScript {

    /** One statement or meta-command; {@code offset} is its first character's index in the script. */
    public record Piece(String text, int offset, boolean metaCommand) {}

    private SqlScript() {}

    public static List<Piece> split(String script) {
        List<Piece> pieces = new ArrayList<>();
        int length = script.length();
        int start = -1; // first non-blank character of the current SQL statement
        int i = 0;
        while (i < length) {
            char c = script.charAt(i);
            if (start < 0 && Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (start < 0 && c == '\\') {
                int end = script.indexOf('\n', i);
                end = end < 0 ? length : end;
                pieces.add(new Piece(script.substring(i, end).strip(), i, true));
                i = end;
                continue;
            }
            if (start < 0) {
                start = i;
            }
            if (c == ';') {
                pieces.add(new Piece(script.substring(start, i + 1), start, false));
                start = -1;
                i++;
            } else if (c == '\'') {
                boolean escapes = i > 0
                        && (script.charAt(i - 1) == 'E' || script.charAt(i - 1) == 'e')
                        && (i < 2 || !Character.isLetterOrDigit(script.charAt(i - 2)));
                i = skipQuoted(script, i + 1, '\'', escapes);
            } else if (c == '"') {
                i = skipQuoted(script, i + 1, '"', false);
            } else if (c == '-' && i + 1 < length && script.charAt(i + 1) == '-') {
                int end = script.indexOf('\n', i);
                i = end < 0 ? length : end;
            } else if (c == '/' && i + 1 < length && script.charAt(i + 1) == '*') {
                i = skipBlockComment(script, i + 2);
            } else if (c == '$') {
                i = skipDollarQuoted(script, i);
            } else {
                i++;
            }
        }
        if (start >= 0) {
            String rest = script.substring(start);
            if (!isOnlyComments(rest)) {
                pieces.add(new Piece(rest, start, false));
            }
        }
        return pieces;
    }

    private static int skipQuoted(String s, int i, char quote, boolean backslashEscapes) {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
                    i += 2; // a doubled quote stands for itself
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return s.length();
    }

    private static int skipBlockComment(String s, int i) {
        int depth = 1; // PostgreSQL block comments nest
        while (i < s.length() && depth > 0) {
            if (s.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (s.startsWith("*/", i)) {
                depth--;
                i += 2;
            } else {
                i++;
            }
        }
        return i;
    }

    private static int skipDollarQuoted(String s, int i) {
        // $tag$ … $tag$ where tag is empty or an identifier; "$1" is a parameter, not a quote
        int j = i + 1;
        while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
            j++;
        }
        if (j >= s.length() || s.charAt(j) != '$' || (j > i + 1 && Character.isDigit(s.charAt(i + 1)))) {
            return i + 1;
        }
        if (i > 0 && (Character.isLetterOrDigit(s.charAt(i - 1)) || s.charAt(i - 1) == '_')) {
            return i + 1; // part of an identifier such as a$b
        }
        String tag = s.substring(i, j + 1);
        int end = s.indexOf(tag, j + 1);
        return end < 0 ? s.length() : end + tag.length();
    }

    private static boolean isOnlyComments(String text) {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (text.startsWith("--", i)) {
                int end = text.indexOf('\n', i);
                i = end < 0 ? text.length() : end;
            } else if (text.startsWith("/*", i)) {
                i = skipBlockComment(text, i + 2);
            } else {
                return false;
            }
        }
        return true;
    }
}
