package org.netverks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netverks.lab.sandbox.SandboxesCommand;
import org.netverks.lab.sandbox.ServersCommand;
import org.netverks.learner.ModeratorCommand;
import org.netverks.platform.AdminCommand;
import org.netverks.platform.CommandContext;
import org.netverks.platform.CommandException;

/**
 * The jar's commands: {@code java -jar learn-netverks.jar help} lists them. {@link #isCommand}
 * tells {@code main} whether its first argument names one; anything else (no arguments, or
 * {@code --server.port=…}) starts the app. A command runs without Spring's web context.
 *
 * <p>To add one: implement {@link AdminCommand} in its feature's package and list it in
 * {@link #all()}.
 */
public final class Commands {

    private Commands() {}

    private static Map<String, AdminCommand> all() {
        Map<String, AdminCommand> commands = new LinkedHashMap<>();
        for (AdminCommand command : List.of(
                new Validate(),
                new ModeratorCommand(),
                new SandboxesCommand(),
                new ServersCommand(),
                new Help(Commands::usage))) {
            commands.put(command.name(), command);
        }
        return commands;
    }

    /** Whether {@code args} start with a command's name (not an option for the app). */
    public static boolean isCommand(String[] args) {
        return args.length > 0 && !args[0].startsWith("-") && !args[0].contains("=");
    }

    /** Runs the command {@code args[0]} names; returns its exit code. */
    public static int run(String[] args, CommandContext context) {
        // only the command's own lines: not the DEBUG logging of libraries with no Spring Boot to configure it
        ch.qos.logback.classic.Logger root =
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.classic.Level level = root.getLevel();
        root.setLevel(ch.qos.logback.classic.Level.WARN);
        try {
            return runQuietly(args, context);
        } finally {
            root.setLevel(level);
        }
    }

    private static int runQuietly(String[] args, CommandContext context) {
        AdminCommand command = all().get(args[0]);
        if (command == null) {
            context.err().println("Unknown command '" + args[0] + "'.");
            usage().forEach(context.err()::println);
            return 2;
        }
        try {
            return command.run(List.of(args).subList(1, args.length), context);
        } catch (CommandException e) {
            context.err().println(e.getMessage());
            if (e.exitCode() == 2) {
                context.err().println("Usage:");
                command.usage().forEach(line -> context.err()
                        .println("  java -jar learn-netverks.jar " + line.split(" {2,}")[0]));
            }
            return e.exitCode();
        }
    }

    /** Every command's usage, for {@code help} and for an unknown command. */
    static List<String> usage() {
        List<String> lines = new ArrayList<>();
        lines.add("Usage: java -jar learn-netverks.jar [COMMAND] (no command: start the app)");
        lines.add("Commands (they use the databases the app uses: see docs/operations.md, \"Administer\"):");
        // each usage line is "syntax  description": the descriptions are lined up in one column
        List<String[]> entries = all().values().stream()
                .flatMap(command -> command.usage().stream())
                .map(line -> line.split(" {2,}", 2))
                .toList();
        int width = entries.stream().mapToInt(entry -> entry[0].length()).max().orElse(0);
        entries.forEach(entry -> lines.add(
                ("  " + String.format("%-" + width + "s", entry[0]) + "  " + (entry.length > 1 ? entry[1] : ""))
                        .stripTrailing()));
        return lines;
    }

    /** {@code help}: every command and its arguments. */
    private record Help(java.util.function.Supplier<List<String>> lines) implements AdminCommand {
        @Override
        public String name() {
            return "help";
        }

        @Override
        public List<String> usage() {
            return List.of("help                 this list");
        }

        @Override
        public int run(List<String> arguments, CommandContext context) {
            lines.get().forEach(context.out()::println);
            return 0;
        }
    }

    /** {@code validate}, as before: {@link ValidateCommand} (which writes to System.out and err itself). */
    private static final class Validate implements AdminCommand {
        @Override
        public String name() {
            return "validate";
        }

        @Override
        public List<String> usage() {
            return List.of("validate [DIR] [--files-only] [--verbose]   check content: files, datasets, exercises");
        }

        @Override
        public int run(List<String> arguments, CommandContext context) {
            List<String> args = new ArrayList<>(arguments);
            args.add(0, name());
            return ValidateCommand.validate(args.toArray(String[]::new));
        }
    }
}
