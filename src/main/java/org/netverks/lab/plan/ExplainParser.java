package org.netverks.lab.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the head of an EXPLAIN statement as PostgreSQL's grammar (gram.y, ExplainStmt) does:
 * the EXPLAIN keyword, then ANALYZE and/or VERBOSE or a parenthesised option list, then the
 * statement, which is left untouched.
 */
final class ExplainParser {

    private static final Set<String> FORMATS = Set.of("text", "json", "yaml", "xml");

    /**
     * Reserved words that can open a parenthesised statement: "EXPLAIN (SELECT 1)" explains a
     * query, as no option may be named by a reserved word.
     */
    private static final Set<String> STATEMENT_STARTS = Set.of("select", "values", "with", "table");

    private enum Kind {
        WORD,
        QUOTED_NAME,
        STRING,
        NUMBER,
        SYMBOL,
        END
    }

    /** A token: where it is in the text, and its value (a word in lower case, a string unquoted). */
    private record Token(Kind kind, int start, int end, String value) {

        boolean is(String word) {
            return kind == Kind.WORD && value.equals(word);
        }

        boolean isSymbol(char symbol) {
            return kind == Kind.SYMBOL && value.charAt(0) == symbol;
        }
    }

    /** One option of the list: its exact text, its name, and its argument (null when none). */
    private record Option(String text, String name, Token argument) {}

    private final String sql;
    private int position;

    ExplainParser(String sql) {
        this.sql = sql;
    }

    Optional<ExplainStatement> parse() {
        Token explain = next();
        if (!explain.is("explain")) {
            return Optional.empty();
        }
        Token afterExplain = next();
        List<Option> options = new ArrayList<>();
        int statementStart;
        if (afterExplain.is("analyze") || afterExplain.is("analyse")) {
            options.add(new Option(text(afterExplain), "analyze", null));
            Token afterAnalyze = next();
            if (afterAnalyze.is("verbose")) {
                options.add(new Option(text(afterAnalyze), "verbose", null));
                statementStart = afterAnalyze.end();
            } else {
                statementStart = afterExplain.end();
            }
        } else if (afterExplain.is("verbose")) {
            options.add(new Option(text(afterExplain), "verbose", null));
            statementStart = afterExplain.end();
        } else if (afterExplain.isSymbol('(') && opensOptionList()) {
            Optional<Integer> listEnd = readOptionList(options);
            if (listEnd.isEmpty()) {
                // Not an option list PostgreSQL could read: run it unchanged and let it say why.
                return Optional.of(new ExplainStatement(false, sql, "text"));
            }
            statementStart = listEnd.get();
        } else {
            statementStart = explain.end();
        }
        return Optional.of(rewrite(explain, options, statementStart));
    }

    private ExplainStatement rewrite(Token explain, List<Option> options, int statementStart) {
        boolean analyze = false;
        String format = "text";
        List<String> kept = new ArrayList<>();
        for (Option option : options) {
            String value = option.argument() == null ? null : option.argument().value();
            if (option.name().equals("format") && value != null && FORMATS.contains(value)) {
                format = value; // the last FORMAT wins, as in ParseExplainOptionList
                continue;
            }
            if (option.name().equals("analyze")) {
                // defGetBoolean: no value means true; quoted values compare without case
                String flag = value == null ? "true" : value.toLowerCase(Locale.ROOT);
                analyze = !(flag.equals("false") || flag.equals("off") || flag.equals("0"));
            }
            kept.add(option.text());
        }
        if (!format.equals("text")) {
            return new ExplainStatement(analyze, null, format);
        }
        kept.add("FORMAT JSON");
        String jsonSql =
                sql.substring(0, explain.end()) + " (" + String.join(", ", kept) + ")" + sql.substring(statementStart);
        return new ExplainStatement(analyze, jsonSql, "text");
    }

    /** After "EXPLAIN (": an option name follows, unless the parenthesis opens the statement itself. */
    private boolean opensOptionList() {
        int saved = position;
        Token first = next();
        position = saved;
        return !(first.isSymbol('(') || first.kind() == Kind.WORD && STATEMENT_STARTS.contains(first.value()));
    }

    /**
     * Reads "name [argument], ..." up to the closing parenthesis, whose end it returns. An option
     * is kept as its exact text from name to argument.
     */
    private Optional<Integer> readOptionList(List<Option> options) {
        while (true) {
            Token name = next();
            if (name.kind() != Kind.WORD && name.kind() != Kind.QUOTED_NAME) {
                return Optional.empty();
            }
            Token argument = null;
            int optionEnd = name.end();
            Token token = next();
            while (!token.isSymbol(',') && !token.isSymbol(')')) {
                if (token.kind() == Kind.END) {
                    return Optional.empty();
                }
                // a sign and a number ("-1") make one argument; the number is what counts
                argument = token;
                optionEnd = token.end();
                token = next();
            }
            String optionName = name.value().equals("analyse") ? "analyze" : name.value();
            options.add(new Option(sql.substring(name.start(), optionEnd), optionName, argument));
            if (token.isSymbol(')')) {
                return Optional.of(token.end());
            }
        }
    }

    private String text(Token token) {
        return sql.substring(token.start(), token.end());
    }

    /** The next token, skipping whitespace and both kinds of comment. */
    private Token next() {
        skipSpaceAndComments();
        int start = position;
        if (position >= sql.length()) {
            return new Token(Kind.END, start, start, "");
        }
        char c = sql.charAt(position);
        if ((c == 'e' || c == 'E') && position + 1 < sql.length() && sql.charAt(position + 1) == '\'') {
            position++;
            return quoted(start, '\'', Kind.STRING, true);
        }
        if (c == '\'') {
            return quoted(start, '\'', Kind.STRING, false);
        }
        if (c == '"') {
            return quoted(start, '"', Kind.QUOTED_NAME, false);
        }
        if (Character.isLetter(c) || c == '_' || c > 127) {
            while (position < sql.length() && isWordPart(sql.charAt(position))) {
                position++;
            }
            // unquoted names fold to lower case, as PostgreSQL's lexer does
            return new Token(
                    Kind.WORD, start, position, sql.substring(start, position).toLowerCase(Locale.ROOT));
        }
        if (Character.isDigit(c)
                || c == '.' && position + 1 < sql.length() && Character.isDigit(sql.charAt(position + 1))) {
            while (position < sql.length()
                    && (Character.isLetterOrDigit(sql.charAt(position)) || sql.charAt(position) == '.')) {
                position++;
            }
            return new Token(Kind.NUMBER, start, position, sql.substring(start, position));
        }
        position++;
        return new Token(Kind.SYMBOL, start, position, String.valueOf(c));
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 127;
    }

    /** A quoted string or name; a doubled quote stands for one (and, in E'', so does a backslash escape). */
    private Token quoted(int start, char quote, Kind kind, boolean backslashEscapes) {
        StringBuilder value = new StringBuilder();
        position++;
        while (position < sql.length()) {
            char c = sql.charAt(position++);
            if (backslashEscapes && c == '\\' && position < sql.length()) {
                value.append(sql.charAt(position++));
            } else if (c == quote) {
                if (position < sql.length() && sql.charAt(position) == quote) {
                    value.append(quote);
                    position++;
                } else {
                    return new Token(kind, start, position, value.toString());
                }
            } else {
                value.append(c);
            }
        }
        return new Token(Kind.END, start, position, "");
    }

    private void skipSpaceAndComments() {
        while (position < sql.length()) {
            char c = sql.charAt(position);
            if (Character.isWhitespace(c)) {
                position++;
            } else if (sql.startsWith("--", position)) {
                int lineEnd = sql.indexOf('\n', position);
                position = lineEnd < 0 ? sql.length() : lineEnd + 1;
            } else if (sql.startsWith("/*", position)) {
                skipBlockComment();
            } else {
                return;
            }
        }
    }

    /** Block comments nest in PostgreSQL, unlike in C or Java: the comment ends where its depth is back to zero. */
    private void skipBlockComment() {
        int depth = 0;
        while (position < sql.length()) {
            if (sql.startsWith("/*", position)) {
                depth++;
                position += 2;
            } else if (sql.startsWith("*/", position)) {
                depth--;
                position += 2;
                if (depth == 0) {
                    return;
                }
            } else {
                position++;
            }
        }
    }
}
