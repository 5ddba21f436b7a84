package org.netverks.content;

import java.util.Locale;
import java.util.Optional;

/**
 * The ORDER BY that sorts a script's result: the one at the top level of its last statement. An
 * ORDER BY inside parentheses sorts something else (a window, an aggregate's input, a subquery,
 * a CTE) and says nothing about the order of the rows the statement returns.
 *
 * <p>Only quotes, comments, dollar quotes, parentheses and semicolons are understood; the sort
 * keys themselves are left to PostgreSQL (the order tie check appends to them and lets the
 * server evaluate them).
 *
 * @param keysEnd  the index just after the last sort key: where more keys can be appended
 * @param withTies the statement ends with FETCH … WITH TIES, whose row set depends on the keys
 */
public record ResultOrderBy(int keysEnd, boolean withTies) {

    /** The top-level ORDER BY of {@code script}'s last statement, if it has one. */
    public static Optional<ResultOrderBy> of(String script) {
        return new Scanner(script).scan();
    }

    private static final class Scanner {
        private final String sql;
        private int depth;
        private int keysEnd = -1; // -1: no top-level ORDER BY in the current statement
        private boolean inKeys;
        private boolean withTies;
        private boolean ended; // after a semicolon, until the next statement's first token
        private String previousWord = "";

        Scanner(String sql) {
            this.sql = sql;
        }

        Optional<ResultOrderBy> scan() {
            int i = 0;
            int length = sql.length();
            while (i < length) {
                char c = sql.charAt(i);
                int next;
                if (Character.isWhitespace(c)) {
                    i++;
                    continue;
                } else if (c == '-' && i + 1 < length && sql.charAt(i + 1) == '-') {
                    int end = sql.indexOf('\n', i);
                    i = end < 0 ? length : end;
                    continue;
                } else if (c == '/' && i + 1 < length && sql.charAt(i + 1) == '*') {
                    i = skipBlockComment(i + 2);
                    continue;
                } else if (c == ';') {
                    ended = true;
                    inKeys = false;
                    previousWord = "";
                    i++;
                    continue;
                }
                if (ended) {
                    // another statement follows (not just a comment): only the last one's order counts
                    ended = false;
                    keysEnd = -1;
                    withTies = false;
                    depth = 0;
                }
                if (c == '\'') {
                    boolean escapes = previousWord.equals("e") && i > 0 && !Character.isWhitespace(sql.charAt(i - 1));
                    next = skipQuoted(i + 1, '\'', escapes);
                } else if (c == '"') {
                    next = skipQuoted(i + 1, '"', false);
                } else if (c == '$' && dollarTagEnd(i) > 0) {
                    int tagEnd = dollarTagEnd(i);
                    String tag = sql.substring(i, tagEnd);
                    int close = sql.indexOf(tag, tagEnd);
                    next = close < 0 ? length : close + tag.length();
                } else if (Character.isLetter(c) || c == '_') {
                    next = i + 1;
                    while (next < length
                            && (Character.isLetterOrDigit(sql.charAt(next))
                                    || sql.charAt(next) == '_'
                                    || sql.charAt(next) == '$')) {
                        next++;
                    }
                    word(sql.substring(i, next).toLowerCase(Locale.ROOT), next);
                    i = next;
                    continue;
                } else {
                    if (c == '(') {
                        depth++;
                    } else if (c == ')') {
                        depth = Math.max(0, depth - 1);
                    }
                    next = i + 1;
                }
                key(next);
                previousWord = "";
                i = next;
            }
            return keysEnd < 0 ? Optional.empty() : Optional.of(new ResultOrderBy(keysEnd, withTies));
        }

        private void word(String word, int end) {
            if (depth == 0) {
                if (word.equals("by") && previousWord.equals("order")) {
                    inKeys = true;
                    keysEnd = -1;
                    withTies = false;
                    previousWord = word;
                    return;
                }
                if (inKeys
                        && (word.equals("limit")
                                || word.equals("offset")
                                || word.equals("fetch")
                                || word.equals("for"))) {
                    inKeys = false;
                }
                if (word.equals("ties") && previousWord.equals("with")) {
                    withTies = true;
                }
            }
            key(end);
            previousWord = word;
        }

        /** A token of the sort keys ends at {@code end}. */
        private void key(int end) {
            if (inKeys) {
                keysEnd = end;
            }
        }

        private int skipQuoted(int i, char quote, boolean escapes) {
            while (i < sql.length()) {
                if (sql.charAt(i) == quote) {
                    if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                        i += 2;
                        continue;
                    }
                    return i + 1;
                }
                if (escapes && sql.charAt(i) == '\\') {
                    i++; // E'…' strings escape with a backslash
                }
                i++;
            }
            return sql.length();
        }

        private int skipBlockComment(int i) {
            int nesting = 1;
            while (i < sql.length() && nesting > 0) {
                if (sql.startsWith("/*", i)) {
                    nesting++;
                    i += 2;
                } else if (sql.startsWith("*/", i)) {
                    nesting--;
                    i += 2;
                } else {
                    i++;
                }
            }
            return i;
        }

        /** The end of a dollar-quote tag starting at {@code i} ($$ or $tag$), or -1 when it is not one. */
        private int dollarTagEnd(int i) {
            if (i > 0 && (Character.isLetterOrDigit(sql.charAt(i - 1)) || sql.charAt(i - 1) == '_')) {
                return -1; // part of an identifier like a$b
            }
            int j = i + 1;
            while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
                if (j == i + 1 && Character.isDigit(sql.charAt(j))) {
                    return -1; // $1 is a parameter
                }
                j++;
            }
            return j < sql.length() && sql.charAt(j) == '$' ? j + 1 : -1;
        }
    }
}
