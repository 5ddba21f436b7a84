package org.netverks.lab.psql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.netverks.lab.shared.DisplaySettings;

/**
 * A backslash command split the way psql's slash-command lexer splits it: the name runs to the
 * first space or backslash; arguments are separated by spaces and may mix plain text, 'single
 * quoted' text (quotes removed, psql's backslash escapes applied) and "double quoted" identifiers
 * (kept with their quotes, since patterns give them meaning).
 *
 * @param followedByCommand true when an unquoted backslash starts a second command on the line
 */
record MetaCommandLine(String name, List<String> arguments, boolean followedByCommand) {

    static MetaCommandLine parse(String line) {
        return parse(line, Map.of());
    }

    /** As psql does, {@code :name}, {@code :'name'} and {@code :"name"} in arguments take the variable's value. */
    static MetaCommandLine parse(String line, Map<String, String> variables) {
        Lexer lexer = new Lexer(line.strip(), variables);
        lexer.expect('\\');
        String name = lexer.name();
        List<String> arguments = new ArrayList<>();
        boolean followedByCommand = false;
        while (true) {
            lexer.skipSpaces();
            if (lexer.atEnd()) {
                break;
            }
            if (lexer.peek() == '\\') {
                followedByCommand = true;
                break;
            }
            arguments.add(lexer.argument());
        }
        return new MetaCommandLine(name, List.copyOf(arguments), followedByCommand);
    }

    Optional<String> argument(int index) {
        return index < arguments.size() ? Optional.of(arguments.get(index)) : Optional.empty();
    }

    /**
     * The arguments as one text, as psql reads \\sf's whole-line option: a function name with its
     * argument types may contain spaces ({@code add(integer, integer)}).
     */
    Optional<String> restOfLine() {
        return arguments.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", arguments));
    }

    /** The argument with trailing semicolons removed, as psql does for patterns ("\d customers;"). */
    Optional<String> pattern(int index) {
        return argument(index).map(argument -> argument.replaceFirst(";+$", ""));
    }

    /** psql's warnings for arguments a command does not take; it prints them after the output. */
    List<String> extraArgumentWarnings(int used) {
        return arguments.stream()
                .skip(used)
                .map(extra -> "\\" + name + ": extra argument \"" + extra + "\" ignored")
                .toList();
    }

    private static final class Lexer {
        private final String text;
        private final Map<String, String> variables;
        private int position;
        private long interpolated; // characters the variables added to all arguments together

        Lexer(String text, Map<String, String> variables) {
            this.text = text;
            this.variables = variables;
        }

        boolean atEnd() {
            return position >= text.length();
        }

        char peek() {
            return text.charAt(position);
        }

        void expect(char expected) {
            if (atEnd() || peek() != expected) {
                throw new IllegalArgumentException("not a backslash command: " + text);
            }
            position++;
        }

        void skipSpaces() {
            while (!atEnd() && Character.isWhitespace(peek())) {
                position++;
            }
        }

        String name() {
            int start = position;
            while (!atEnd() && !Character.isWhitespace(peek()) && peek() != '\\') {
                position++;
            }
            return text.substring(start, position);
        }

        String argument() {
            StringBuilder value = new StringBuilder();
            while (!atEnd() && !Character.isWhitespace(peek()) && peek() != '\\') {
                char c = peek();
                if (c == '\'') {
                    position++;
                    singleQuoted(value);
                } else if (c == '"') {
                    doubleQuoted(value);
                } else if (c == ':' && variable(value)) {
                    continue;
                } else if (c == '`') {
                    // psql would run this as a shell command; the lab must never do that
                    throw new MetaCommandException("Backquoted shell commands are not supported in the lab.");
                } else {
                    value.append(c);
                    position++;
                }
            }
            return value.toString();
        }

        /**
         * A variable at the colon: its value appended (quoted for :'name' and :"name"); false when
         * there is none to read there.
         */
        private boolean variable(StringBuilder value) {
            int start = position + 1;
            char quote = start < text.length() ? text.charAt(start) : 0;
            boolean quoted = quote == '\'' || quote == '"';
            int nameStart = quoted ? start + 1 : start;
            int nameEnd = nameStart;
            while (nameEnd < text.length() && VariableCommands.isNameChar(text.charAt(nameEnd))) {
                nameEnd++;
            }
            if (nameEnd == nameStart || (quoted && (nameEnd >= text.length() || text.charAt(nameEnd) != quote))) {
                return false;
            }
            String found = variables.get(text.substring(nameStart, nameEnd));
            if (found == null && !quoted) {
                return false;
            }
            if (found == null) {
                value.append(text, position, nameEnd + 1); // psql keeps :'name' of an unset name, quotes and all
            } else if (!quoted) {
                value.append(found);
            } else if (quote == '\'') {
                // PQescapeLiteral()
                String literal = "'" + found.replace("'", "''").replace("\\", "\\\\") + "'";
                value.append(found.indexOf('\\') >= 0 ? " E" + literal : literal);
            } else {
                value.append('"').append(found.replace("\"", "\"\"")).append('"');
            }
            interpolated += found == null ? 0 : found.length();
            if (interpolated > DisplaySettings.MAX_INTERPOLATED_CHARS) {
                throw new MetaCommandException("With its variables put in, this command would be longer than 1 MB, "
                        + "the most the lab reads for one command (interpolation limit).");
            }
            position = quoted ? nameEnd + 1 : nameEnd;
            return true;
        }

        private void singleQuoted(StringBuilder value) {
            while (!atEnd()) {
                char c = text.charAt(position++);
                if (c == '\'') {
                    if (!atEnd() && peek() == '\'') {
                        value.append('\'');
                        position++;
                    } else {
                        return;
                    }
                } else if (c == '\\' && !atEnd()) {
                    escape(value);
                } else {
                    value.append(c);
                }
            }
            throw new MetaCommandException("unterminated quoted string");
        }

        private void escape(StringBuilder value) {
            char c = text.charAt(position++);
            switch (c) {
                case 'n' -> value.append('\n');
                case 't' -> value.append('\t');
                case 'b' -> value.append('\b');
                case 'r' -> value.append('\r');
                case 'f' -> value.append('\f');
                case 'x' -> value.append((char) number(16, 2));
                default -> {
                    if (c >= '0' && c <= '7') {
                        position--;
                        value.append((char) number(8, 3));
                    } else {
                        value.append(c);
                    }
                }
            }
        }

        /** Up to maxDigits digits in radix; psql keeps a lone "\x" as "x". */
        private int number(int radix, int maxDigits) {
            int result = 0;
            int digits = 0;
            while (digits < maxDigits && !atEnd() && Character.digit(peek(), radix) >= 0) {
                result = result * radix + Character.digit(peek(), radix);
                position++;
                digits++;
            }
            return digits == 0 ? 'x' : result;
        }

        private void doubleQuoted(StringBuilder value) {
            int close = text.indexOf('"', position + 1);
            if (close < 0) {
                throw new MetaCommandException("unterminated quoted string");
            }
            value.append(text, position, close + 1);
            position = close + 1;
        }
    }
}
