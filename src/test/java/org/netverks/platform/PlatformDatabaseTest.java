package org.netverks.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Which platform database a command opens when the app is not running: the embedded cluster under
 * the data folder, started for the command and stopped after it, and never migrated by it. (With
 * the app running, the command tests connect to its own live cluster.)
 */
class PlatformDatabaseTest {

    @TempDir
    Path dataDir;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private CommandContext context() {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource("test", Map.of("netverks.data-dir", dataDir.toString())));
        return CommandContext.of(
                environment,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void withoutADataFolderTheCommandSaysWhichSettingToFix() {
        assertThatThrownBy(() -> context().platformDatabase())
                .isInstanceOf(CommandException.class)
                .hasMessageContaining("There is no platform database in " + dataDir.toAbsolutePath())
                .hasMessageContaining("NETVERKS_DATA_DIR")
                .satisfies(e -> assertThat(((CommandException) e).exitCode()).isEqualTo(1));
    }

    @Test
    void aStoppedClusterIsStartedForTheCommandAndStoppedAfterItWithoutMigratingIt() throws Exception {
        String password = ClusterPassword.readOrCreate(dataDir.resolve("platform-admin-password"));
        try (EmbeddedPostgresServer app =
                EmbeddedPostgresServer.start(dataDir.resolve("platform"), Map.of(), 0, password)) {
            app.ensureDatabase("netverks"); // as the app's first start leaves it, before its migrations
        }
        assertThat(EmbeddedPostgresServer.runningPort(dataDir.resolve("platform")))
                .isEmpty();

        PlatformDatabase database = context().platformDatabase();
        try (database) {
            assertThat(EmbeddedPostgresServer.runningPort(dataDir.resolve("platform")))
                    .isPresent();
            assertThatThrownBy(() -> database.requireTable("moderator_grant"))
                    .isInstanceOf(CommandException.class)
                    .hasMessage("The platform database has no table moderator_grant yet: start this version of the app "
                            + "once (it updates the database at start), then run the command again.");
        }
        assertThat(EmbeddedPostgresServer.runningPort(dataDir.resolve("platform")))
                .isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains(
                        "The app is not running: starting its embedded platform database in "
                                + dataDir.resolve("platform").toAbsolutePath(),
                        "Stopped the embedded platform database again.");
    }
}
