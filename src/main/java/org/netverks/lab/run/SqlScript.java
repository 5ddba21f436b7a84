package org.netverks.lab.run;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits what a learner typed into statements the way psql does: SQL ends at a semicolon outside
 * quotes, dollar quotes and comments, or at {@code \g} (and its kin) there; a line starting with a
 * backslash is a meta-command; "--" comment lines before a statement are dropped. Each
 * piece keeps its offset in the whole text, so an error position maps back to the editor. As in
 * a psql script, the lines after {@code COPY … FROM stdin;} (or {@code \copy … from stdin}) up to a
 * line {@code \.} (or the end) are that COPY's rows, not statements.
 */
public final class SqlScript {

    /**
     * One statement or meta-command; {@code offset} is its first character's index in the script;
     * {@code copyData} holds the rows of a {@code COPY … FROM stdin} (null for anything else);
     * {@code sentBy} is the {@code \g} (or {@code \gx} …) command line that ended the statement in
     * place of a semicolon, null when there was none.
     */
    public record Piece(String text, int offset, boolean metaCommand, String copyData, String sentBy) {

        public Piece(String text, int offset, boolean metaCommand) {
            this(text, offset, metaCommand, null, null);
        }

        public Piece(String text, int offset, boolean metaCommand, String copyData) {
            this(text, offset, metaCommand, copyData, null);
        }

        /** How many characters of the script the piece takes, a {@code \g} after the statement included. */
        public int span() {
            return text.length() + (sentBy == null ? 0 : sentBy.length());
        }
    }

    private static final Pattern COPY_FROM_STDIN = Pattern.compile("(?is)\\s*copy\\s.*\\sfrom\\s+stdin\\b.*");
    private static final Pattern META_COPY_FROM_STDIN = Pattern.compile("(?is)\\\\copy\\s.*\\sfrom\\s+p?stdin\\b.*");

    private static final Pattern SENDS_QUERY = Pattern.compile("\\\\g(x|set|exec|desc)?(?=\\s|\\\\|$)");

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
            if (start < 0 && script.startsWith("--", i)) {
                // psql drops "--" comments before a statement, so a meta-command on the next line stays one
                int end = script.indexOf('\n', i);
                i = end < 0 ? length : end;
                continue;
            }
            if (start < 0 && c == '\\') {
                int end = script.indexOf('\n', i);
                end = end < 0 ? length : end;
                String command = script.substring(i, end).strip();
                if (META_COPY_FROM_STDIN.matcher(command).matches()) {
                    int[] data = copyData(script, end);
                    pieces.add(new Piece(command, i, true, script.substring(data[0], data[1])));
                    i = data[2];
                } else {
                    pieces.add(new Piece(command, i, true));
                    i = end;
                }
                continue;
            }
            if (start < 0) {
                start = i;
            }
            if (c == '\\' && sendsQuery(script, i)) {
                // psql: a backslash outside quotes starts a meta-command; \g and its kin send what is before it
                int end = script.indexOf('\n', i);
                end = end < 0 ? length : end;
                pieces.add(new Piece(
                        script.substring(start, i),
                        start,
                        false,
                        null,
                        script.substring(i, end).strip()));
                start = -1;
                i = end;
                continue;
            }
            if (c == ';') {
                String statement = script.substring(start, i + 1);
                start = -1;
                i++;
                if (COPY_FROM_STDIN.matcher(statement).matches()) {
                    int[] data = copyData(script, i);
                    pieces.add(new Piece(statement, i - statement.length(), false, script.substring(data[0], data[1])));
                    i = data[2];
                } else {
                    pieces.add(new Piece(statement, i - statement.length(), false));
                }
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

    /**
     * True when the backslash at {@code i} starts {@code \g}, {@code \gx}, {@code \gset}, {@code \gexec}
     * or {@code \gdesc}: the meta-commands that end the statement before them, as a semicolon does.
     */
    private static boolean sendsQuery(String script, int i) {
        return SENDS_QUERY.matcher(script).region(i, script.length()).lookingAt();
    }

    /**
     * The rows of a COPY from stdin whose command ends at {@code from}: from the next line up to a
     * line that is just {@code \.} (or the end of the script); returns {start, end, where the
     * script goes on}.
     */
    private static int[] copyData(String script, int from) {
        int length = script.length();
        int lineEnd = script.indexOf('\n', from);
        int start = lineEnd < 0 ? length : lineEnd + 1;
        int end = start;
        while (end < length) {
            int next = script.indexOf('\n', end);
            next = next < 0 ? length : next;
            if (script.substring(end, next).strip().equals("\\.")) {
                return new int[] {start, end, Math.min(length, next + 1)};
            }
            end = Math.min(length, next + 1);
        }
        return new int[] {start, length, length};
    }

    static int skipQuoted(String s, int i, char quote, boolean backslashEscapes) {
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

    static int skipBlockComment(String s, int i) {
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

    static int skipDollarQuoted(String s, int i) {
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
