package org.netverks;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.netverks.platform.CommandContext;
import org.springframework.core.env.Environment;

/** Runs a jar command in-process, as {@code main} would, with the settings of {@code environment} and its output captured. */
public final class CommandRunner {

    public record Result(int exitCode, String out, String err) {}

    private CommandRunner() {}

    public static Result run(Environment environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Commands.run(
                args,
                CommandContext.of(
                        environment,
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8)));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
