package org.netverks.lab.psql;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.netverks.lab.shared.DisplaySettings;

/**
 * \set and &#92;unset: the learner's own psql variables, which their SQL uses as {@code :name},
 * {@code :'name'} and {@code :"name"}. psql's built-in variables (ON_ERROR_STOP, ECHO …) steer
 * psql itself, which the lab does not have, so they are neither listed nor set. Variables are kept
 * for the browser session, so they are bounded in number and size.
 */
final class VariableCommands {

    static final int MAX_VARIABLES = 100;
    static final int MAX_TOTAL_CHARS = 64 * 1024;

    /** psql's special variables (psql 17's documentation), which change what psql does. */
    private static final Set<String> BUILT_IN = Set.of(
            "AUTOCOMMIT",
            "COMP_KEYWORD_CASE",
            "DBNAME",
            "ECHO",
            "ECHO_HIDDEN",
            "ENCODING",
            "ERROR",
            "FETCH_COUNT",
            "HIDE_TABLEAM",
            "HIDE_TOAST_COMPRESSION",
            "HISTCONTROL",
            "HISTFILE",
            "HISTSIZE",
            "HOST",
            "IGNOREEOF",
            "LASTOID",
            "LAST_ERROR_MESSAGE",
            "LAST_ERROR_SQLSTATE",
            "ON_ERROR_ROLLBACK",
            "ON_ERROR_STOP",
            "PORT",
            "PROMPT1",
            "PROMPT2",
            "PROMPT3",
            "QUIET",
            "ROW_COUNT",
            "SERVER_VERSION_NAME",
            "SERVER_VERSION_NUM",
            "SHELL_ERROR",
            "SHELL_EXIT_CODE",
            "SHOW_ALL_RESULTS",
            "SHOW_CONTEXT",
            "SINGLELINE",
            "SINGLESTEP",
            "SQLSTATE",
            "USER",
            "VERBOSITY",
            "VERSION",
            "VERSION_NAME",
            "VERSION_NUM");

    private VariableCommands() {}

    /** \set alone lists the variables ("name = 'value'"); \set name value… sets one, the values run together. */
    static MetaCommandResult set(List<String> arguments, DisplaySettings settings) {
        if (arguments.isEmpty()) {
            StringBuilder list = new StringBuilder();
            settings.variables()
                    .forEach((name, value) ->
                            list.append(name).append(" = '").append(value).append("'\n"));
            return new MetaCommandResult.Text(list.toString().stripTrailing());
        }
        String name = arguments.get(0);
        if (!validName(name)) {
            return new MetaCommandResult.Failure("invalid variable name: \"" + name + "\"");
        }
        if (BUILT_IN.contains(name)) {
            return new MetaCommandResult.Failure(builtIn(name));
        }
        String value = String.join("", arguments.subList(1, arguments.size()));
        Map<String, String> variables = new TreeMap<>(settings.variables());
        variables.put(name, value);
        if (variables.size() > MAX_VARIABLES) {
            return new MetaCommandResult.Failure("\\set: the lab keeps at most " + MAX_VARIABLES
                    + " variables (variable limit). Remove one with \\unset first.");
        }
        long total = variables.entrySet().stream()
                .mapToLong(variable ->
                        variable.getKey().length() + variable.getValue().length())
                .sum();
        if (total > MAX_TOTAL_CHARS) {
            return new MetaCommandResult.Failure("\\set: the lab keeps at most 64 KB of variable names and values "
                    + "together (variable size limit). Use a shorter value, or \\unset variables you no longer need.");
        }
        return new MetaCommandResult.SettingChanged(settings.withVariables(variables), "");
    }

    static MetaCommandResult unset(List<String> arguments, DisplaySettings settings) {
        if (arguments.isEmpty()) {
            return new MetaCommandResult.Failure("\\unset: missing required argument");
        }
        String name = arguments.get(0);
        if (!validName(name)) {
            return new MetaCommandResult.Failure("invalid variable name: \"" + name + "\"");
        }
        if (BUILT_IN.contains(name)) {
            return new MetaCommandResult.Failure(builtIn(name));
        }
        Map<String, String> variables = new TreeMap<>(settings.variables());
        variables.remove(name);
        return new MetaCommandResult.SettingChanged(settings.withVariables(variables), "");
    }

    private static String builtIn(String name) {
        return name + " is one of psql's own variables, which change how psql itself works; the lab has no "
                + "psql of its own to change. Choose another name for a variable of yours.";
    }

    /** psql's VariableNameIsValid(). */
    private static boolean validName(String name) {
        return !name.isEmpty() && name.chars().allMatch(c -> isNameChar((char) c));
    }

    /** A character of a variable name: ASCII letters, digits and underscores, or any non-ASCII character. */
    static boolean isNameChar(char c) {
        return c >= 0x80 || c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
