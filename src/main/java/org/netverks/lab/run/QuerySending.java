package org.netverks.lab.run;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * psql's {@code \g} and {@code \gx}, which send the query before them (or, alone, the previous
 * query again); {@code \gx} prints that one result expanded. Their kin that write to a file, pipe
 * to a shell command or keep results in variables are refused plainly: the lab has neither files
 * nor a shell.
 */
final class QuerySending {

    private static final Pattern COMMAND = Pattern.compile("(?s)\\\\(g|gx|gset|gexec|gdesc)(?:\\s+(.*))?");

    /** Why the lab does not send a query this way. */
    record Refusal(String message) {}

    private QuerySending() {}

    static boolean sendsQuery(String commandLine) {
        return COMMAND.matcher(commandLine.strip()).matches();
    }

    static boolean expanded(String commandLine) {
        Matcher command = matcher(commandLine);
        return command.group(1).equals("gx");
    }

    /** Null when the lab runs the command as psql does. */
    static Refusal refusal(String commandLine) {
        Matcher command = matcher(commandLine);
        String name = command.group(1);
        String arguments = command.group(2) == null ? "" : command.group(2).strip();
        if (!name.equals("g") && !name.equals("gx")) {
            return new Refusal("\\" + name + " is not supported in the lab. Type \\? for the commands you can use.");
        }
        if (arguments.startsWith("(")) {
            return new Refusal("\\" + name + " with printing options is not supported in the lab: "
                    + "set them with \\pset before the query.");
        }
        if (!arguments.isEmpty()) {
            return new Refusal("\\" + name + " to a file or a command is not supported in the lab: it has no files "
                    + "and no shell, and the result shows here. End the query with \\" + name + " alone.");
        }
        return null;
    }

    private static Matcher matcher(String commandLine) {
        Matcher command = COMMAND.matcher(commandLine.strip());
        if (!command.matches()) {
            throw new IllegalArgumentException("not a command that sends the query: " + commandLine);
        }
        return command;
    }
}
