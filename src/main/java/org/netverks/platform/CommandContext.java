package org.netverks.platform;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * What a command works with: where it writes (results on {@code out}, notes and problems on
 * {@code err}) and the app's settings, read as the app reads them (environment variables such as
 * {@code NETVERKS_DATA_DIR}, system properties, then the jar's application.properties), so that a
 * command finds the same databases as the app started in the same environment.
 */
public record CommandContext(PrintStream out, PrintStream err, Binder settings) {

    /** The settings of the environment this JVM runs in. */
    public static CommandContext fromEnvironment(PrintStream out, PrintStream err) {
        StandardEnvironment environment = new StandardEnvironment();
        try {
            environment.getPropertySources().addLast(new ResourcePropertySource("classpath:application.properties"));
        } catch (IOException e) {
            throw new UncheckedIOException("application.properties is missing from the jar", e);
        }
        return of(environment, out, err);
    }

    /** The settings of {@code environment} (a test passes its app's). */
    public static CommandContext of(Environment environment, PrintStream out, PrintStream err) {
        return new CommandContext(out, err, Binder.get(environment));
    }

    public String setting(String name, String otherwise) {
        return settings.bind(name, String.class).orElse(otherwise);
    }

    public <T> T setting(String name, Bindable<T> type, T otherwise) {
        return settings.bind(name, type).orElse(otherwise);
    }

    /** {@code netverks.data-dir} (NETVERKS_DATA_DIR), where the embedded clusters keep their data. */
    public Path dataDir() {
        return Path.of(setting("netverks.data-dir", "./data")).toAbsolutePath();
    }

    /** The platform database the app uses; close it when done (it stops a cluster started for the command). */
    public PlatformDatabase platformDatabase() {
        return PlatformDatabase.open(this);
    }
}
