package org.netverks.content;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A dataset script cut into what the loader sends one way or the other: plain SQL statements and
 * {@code COPY … FROM stdin} blocks, whose rows follow the statement up to a line {@code \.}, as
 * pg_dump writes them. Each part knows the 1-based line it starts on, so a loading error can name
 * it. Semicolons inside quoted strings ('…', E'…', "…"), dollar quotes ($$…$$, $fn$…$fn$) and
 * comments do not end a statement. Pure: PostgreSQL itself judges the SQL. (The lab's
 * {@code lab.run.SqlScript} splits what a learner types, with psql meta-commands and editor
 * offsets; dataset files need COPY rows and file lines, and content does not depend on the lab.)
 *
 * @param parts    in file order
 * @param problems what makes the script unusable before any SQL runs (a COPY block with no end)
 */
public record DatasetSql(List<Part> parts, List<Problem> problems) {

    public DatasetSql {
        parts = List.copyOf(parts);
        problems = List.copyOf(problems);
    }

    /** One part of a script. */
    public sealed interface Part permits Statement, Copy {
        int line();
    }

    /** A statement as written (from its first token to its semicolon), starting on {@code line}. */
    public record Statement(String sql, int line) implements Part {}

    /**
     * A {@code COPY … FROM stdin} statement ({@code sql}, on {@code line}) and its rows: the lines
     * after it up to the {@code \.} line, each ending in a newline; the first row is on
     * {@code dataLine}.
     */
    public record Copy(String sql, int line, String data, int dataLine) implements Part {

        private static final Pattern CSV = Pattern.compile("(?is).*\\bcsv\\b.*");

        /**
         * The file line where the copy data's line {@code copyLine} starts (1-based, as PostgreSQL's
         * "COPY t, line 12" counts). In CSV a quoted value may span lines and PostgreSQL counts
         * the whole row as one, so quotes are followed there.
         */
        public int fileLine(int copyLine) {
            if (!CSV.matcher(sql).matches()) {
                return dataLine + copyLine - 1;
            }
            int row = 1;
            int line = dataLine;
            boolean quoted = false;
            for (int i = 0; i < data.length() && row < copyLine; i++) {
                char c = data.charAt(i);
                if (c == '"') {
                    quoted = !quoted; // a doubled quote flips twice
                } else if (c == '\n') {
                    line++;
                    row += quoted ? 0 : 1;
                }
            }
            return line;
        }
    }

    public record Problem(int line, String message) {}

    private static final Pattern COPY_FROM_STDIN = Pattern.compile("(?is)copy\\s.*\\sfrom\\s+stdin\\b.*");

    /** psql commands pg_dump 17 writes around a plain dump: they guard psql, and mean nothing here. */
    private static final Pattern PSQL_RESTRICT = Pattern.compile("\\\\(un)?restrict(\\s.*)?");

    public static DatasetSql split(String sql) {
        return new Splitter(sql).run();
    }

    private static final class Splitter {
        private final String sql;
        private final List<Part> parts = new ArrayList<>();
        private final List<Problem> problems = new ArrayList<>();
        private int pos;
        private int line = 1;

        Splitter(String sql) {
            this.sql = sql;
        }

        DatasetSql run() {
            while (true) {
                skipSpaceAndComments();
                if (pos >= sql.length()) {
                    break;
                }
                if (sql.charAt(pos) == '\\') {
                    psqlCommand();
                    continue;
                }
                int start = pos;
                int startLine = line;
                scanStatement();
                String text = sql.substring(start, pos);
                if (text.equals(";")) {
                    continue; // an empty statement
                }
                if (COPY_FROM_STDIN.matcher(text).matches()) {
                    copyData(text, startLine);
                } else {
                    parts.add(new Statement(text, startLine));
                }
            }
            return new DatasetSql(parts, problems);
        }

        /** A line starting with a backslash outside a statement is a psql command, not SQL. */
        private void psqlCommand() {
            int end = sql.indexOf('\n', pos);
            end = end < 0 ? sql.length() : end;
            String command = sql.substring(pos, end).strip();
            if (!PSQL_RESTRICT.matcher(command).matches()) {
                problems.add(
                        new Problem(
                                line,
                                "'" + command
                                        + "' is a psql command, not SQL: only SQL statements and COPY … FROM stdin blocks run here"));
            }
            pos = end;
        }

        /** The rows after a COPY statement: from the next line to the line that is just {@code \.}. */
        private void copyData(String statement, int statementLine) {
            int lineEnd = sql.indexOf('\n', pos);
            if (lineEnd < 0) {
                lineEnd = sql.length() - 1;
            }
            if (!sql.substring(pos, lineEnd + 1).isBlank()) {
                problems.add(new Problem(
                        statementLine, "the rows of a COPY … FROM stdin must start on the line after the statement"));
            }
            pos = lineEnd + 1;
            line++;
            int dataStart = pos;
            int dataLine = line;
            while (pos < sql.length()) {
                int end = sql.indexOf('\n', pos);
                int next = end < 0 ? sql.length() : end + 1;
                String row = sql.substring(pos, end < 0 ? sql.length() : end);
                if (row.equals("\\.") || row.equals("\\.\r")) {
                    parts.add(new Copy(statement, statementLine, sql.substring(dataStart, pos), dataLine));
                    pos = next;
                    line++;
                    return;
                }
                pos = next;
                line++;
            }
            problems.add(new Problem(
                    statementLine, "the COPY … FROM stdin block has no end: its rows must be followed by a line \\."));
        }

        private void skipSpaceAndComments() {
            while (pos < sql.length()) {
                char c = sql.charAt(pos);
                if (Character.isWhitespace(c)) {
                    advance();
                } else if (startsWith("--")) {
                    lineComment();
                } else if (startsWith("/*")) {
                    blockComment();
                } else {
                    return;
                }
            }
        }

        /** Up to and including the semicolon that ends the statement (or to the end of the text). */
        private void scanStatement() {
            while (pos < sql.length()) {
                char c = sql.charAt(pos);
                if (c == ';') {
                    pos++;
                    return;
                } else if (startsWith("--")) {
                    lineComment();
                } else if (startsWith("/*")) {
                    blockComment();
                } else if (c == '\'') {
                    boolean escapes = pos > 0
                            && (sql.charAt(pos - 1) == 'e' || sql.charAt(pos - 1) == 'E')
                            && (pos < 2 || !isIdentifierChar(sql.charAt(pos - 2)));
                    quoted('\'', escapes);
                } else if (c == '"') {
                    quoted('"', false);
                } else if (c == '$' && (pos == 0 || !isIdentifierChar(sql.charAt(pos - 1)))) {
                    String tag = dollarTag();
                    if (tag == null) {
                        advance();
                    } else {
                        dollarQuoted(tag);
                    }
                } else {
                    advance();
                }
            }
        }

        private void quoted(char quote, boolean backslashEscapes) {
            advance();
            while (pos < sql.length()) {
                char c = sql.charAt(pos);
                if (backslashEscapes && c == '\\') {
                    advance();
                    if (pos < sql.length()) {
                        advance();
                    }
                } else if (c == quote) {
                    advance();
                    if (pos < sql.length() && sql.charAt(pos) == quote) {
                        advance(); // a doubled quote stands for itself
                    } else {
                        return;
                    }
                } else {
                    advance();
                }
            }
        }

        /** The $tag$ starting here, or null when this $ starts no dollar quote ($1, a lone $). */
        private String dollarTag() {
            int end = pos + 1;
            while (end < sql.length() && isIdentifierChar(sql.charAt(end)) && sql.charAt(end) != '$') {
                end++;
            }
            if (end >= sql.length() || sql.charAt(end) != '$') {
                return null;
            }
            String tag = sql.substring(pos, end + 1);
            return tag.length() > 2 && Character.isDigit(tag.charAt(1)) ? null : tag;
        }

        private void dollarQuoted(String tag) {
            int end = sql.indexOf(tag, pos + tag.length());
            int stop = end < 0 ? sql.length() : end + tag.length();
            while (pos < stop) {
                advance();
            }
        }

        private void lineComment() {
            while (pos < sql.length() && sql.charAt(pos) != '\n') {
                pos++;
            }
        }

        /** Block comments nest in PostgreSQL. */
        private void blockComment() {
            int depth = 0;
            while (pos < sql.length()) {
                if (startsWith("/*")) {
                    depth++;
                    pos += 2;
                } else if (startsWith("*/")) {
                    depth--;
                    pos += 2;
                    if (depth == 0) {
                        return;
                    }
                } else {
                    advance();
                }
            }
        }

        private boolean startsWith(String text) {
            return sql.startsWith(text, pos);
        }

        private void advance() {
            if (sql.charAt(pos) == '\n') {
                line++;
            }
            pos++;
        }

        private static boolean isIdentifierChar(char c) {
            return Character.isLetterOrDigit(c) || c == '_' || c == '$';
        }
    }
}
