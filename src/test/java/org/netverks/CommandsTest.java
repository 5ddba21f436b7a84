package org.netverks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.netverks.CommandRunner.Result;
import org.springframework.core.env.StandardEnvironment;

/**
 * The jar's command dispatcher: which arguments name a command (the rest start the app), help,
 * and what an unknown command or bad arguments answer — usage on stderr, exit 2, no stack trace.
 * None of these reach a database.
 */
class CommandsTest {

    private static Result run(String... args) {
        return CommandRunner.run(new StandardEnvironment(), args);
    }

    @Test
    void optionsAndNoArgumentsStartTheAppWhileAWordNamesACommand() {
        assertThat(Commands.isCommand(new String[] {})).isFalse();
        assertThat(Commands.isCommand(new String[] {"--server.port=0"})).isFalse();
        assertThat(Commands.isCommand(new String[] {"--spring.datasource.url=jdbc:postgresql://db/netverks"}))
                .isFalse();
        assertThat(Commands.isCommand(new String[] {"moderator", "list"})).isTrue();
        assertThat(Commands.isCommand(new String[] {"frobnicate"})).isTrue();
    }

    @Test
    void helpListsEveryCommand() {
        Result help = run("help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.err()).isEmpty();
        assertThat(help.out())
                .contains(
                        "Usage: java -jar learn-netverks.jar [COMMAND]",
                        "  validate [DIR] [--files-only] [--verbose]",
                        "  moderator add EMAIL",
                        "  moderator remove EMAIL",
                        "  moderator list",
                        "  sandboxes list [--dataset D]",
                        "  sandboxes drop DATABASE...",
                        "  sandboxes drop --idle-for 7d",
                        "  help");
    }

    @Test
    void anUnknownCommandExitsWithTwoAndTheUsage() {
        Result unknown = run("frobnicate", "now");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.out()).isEmpty();
        assertThat(unknown.err())
                .startsWith("Unknown command 'frobnicate'.")
                .contains("Usage: java -jar learn-netverks.jar", "moderator add EMAIL")
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void badArgumentsExitWithTwoAndTheCommandsUsageBeforeAnyDatabaseIsOpened() {
        Result missing = run("moderator", "add");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err())
                .contains("moderator: expected add EMAIL, remove EMAIL or list.", "Usage:")
                .contains("java -jar learn-netverks.jar moderator remove EMAIL");

        Result notAnAddress = run("moderator", "add", "not-an-address");
        assertThat(notAnAddress.exitCode()).isEqualTo(2);
        assertThat(notAnAddress.err()).contains("'not-an-address' is not an e-mail address");

        Result noAction = run("sandboxes");
        assertThat(noAction.exitCode()).isEqualTo(2);
        assertThat(noAction.err()).contains("sandboxes: expected list or drop.");

        Result badDuration = run("sandboxes", "drop", "--idle-for", "soon");
        assertThat(badDuration.exitCode()).isEqualTo(2);
        assertThat(badDuration.err()).contains("'soon' is not a duration such as 7d");

        Result notASandbox = run("sandboxes", "drop", "pg_catalog");
        assertThat(notASandbox.exitCode()).isEqualTo(2);
        assertThat(notASandbox.err()).contains("'pg_catalog' is not a sandbox's database name");

        for (Result result : new Result[] {missing, notAnAddress, noAction, badDuration, notASandbox}) {
            assertThat(result.err()).doesNotContain("Exception", "\tat ");
        }
    }
}
