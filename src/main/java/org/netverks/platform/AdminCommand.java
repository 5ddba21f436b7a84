package org.netverks.platform;

import java.util.List;

/**
 * One command of the jar ({@code java -jar learn-netverks.jar NAME …}) that an operator runs
 * instead of writing SQL. Each lives in its feature's package; {@code org.netverks.Commands}
 * lists them and runs the one named, without starting the web app.
 */
public interface AdminCommand {

    /** The first argument that selects this command. */
    String name();

    /** Its usage lines for {@code help}: the command's name and arguments, two spaces or more, what it does. */
    List<String> usage();

    /**
     * Runs the command with the arguments after its name; returns the exit code (0: done).
     *
     * @throws CommandException for bad arguments (exit 2, with the usage) or a failure to report in
     *     one line (exit 1)
     */
    int run(List<String> arguments, CommandContext context);
}
