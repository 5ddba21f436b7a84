package org.netverks.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netverks.CommandRunner;
import org.netverks.CommandRunner.Result;
import org.netverks.IntegrationTest;
import org.netverks.lab.sandbox.SandboxServerDraining;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * {@code servers list|drain|resume} on the test app's platform database, with the settings of an
 * operator whose NETVERKS_LAB_SERVERS names two servers (the test app itself uses its embedded
 * cluster, whose id no drain here touches): the app's own {@link SandboxServerDraining} sees each
 * change at once, as every instance's placement does.
 */
@IntegrationTest
class ServersCommandTest {

    private static final String ONE = "one.example:5432";
    private static final String TWO = "two.example:6543";

    @Autowired
    ConfigurableEnvironment environment;

    @Autowired
    SandboxServerDraining draining;

    private Result withTwoServers(String... args) {
        StandardEnvironment operator = new StandardEnvironment();
        operator.merge(environment);
        operator.getPropertySources()
                .addFirst(new MapPropertySource(
                        "operator",
                        Map.of(
                                "netverks.lab.servers",
                                "postgresql://admin:secret@one.example,postgresql://admin:secret@two.example:6543")));
        // the merged copy still carries the app's attached view of its own sources: attach ours
        ConfigurationPropertySources.attach(operator);
        return CommandRunner.run(operator, args);
    }

    @Test
    void drainAndResumeAreSeenByTheAppAtOnceAndListShowsEachServersState() {
        Result drained = withTwoServers("servers", "drain", TWO);
        assertThat(drained.exitCode()).as(drained.err()).isZero();
        assertThat(drained.out()).startsWith(TWO + " is draining");
        assertThat(draining.drainingIds()).contains(TWO).doesNotContain(ONE);

        Result list = withTwoServers("servers", "list");
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out())
                .startsWith("SERVER")
                .containsPattern("(?m)^" + ONE + " +in service +0 *$")
                .containsPattern("(?m)^" + TWO + " +draining +0 +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d$")
                .doesNotContain("secret");

        Result both = withTwoServers("servers", "drain", ONE);
        assertThat(both.out()).contains("Every sandbox server is draining now");

        assertThat(withTwoServers("servers", "resume", ONE).exitCode()).isZero();
        Result resumed = withTwoServers("servers", "resume", TWO);
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out())
                .isEqualTo(TWO + " is in service: new sandboxes may go there again." + System.lineSeparator());
        assertThat(draining.drainingIds()).doesNotContain(ONE, TWO);
    }

    @Test
    void anUnknownServerOrActionIsAUsageErrorAndTheEmbeddedClusterCannotBeDrained() {
        Result unknown = withTwoServers("servers", "drain", "three.example:5432");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("'three.example:5432' is not a server of NETVERKS_LAB_SERVERS", ONE, TWO);

        Result badAction = withTwoServers("servers", "stop", ONE);
        assertThat(badAction.exitCode()).isEqualTo(2);
        assertThat(badAction.err()).contains("expected list, drain SERVER or resume SERVER", "Usage:");

        Result embedded = CommandRunner.run(environment, "servers", "drain", "localhost:5432");
        assertThat(embedded.exitCode()).isEqualTo(1);
        assertThat(embedded.err()).contains("NETVERKS_LAB_SERVERS is not set");
        assertThat(draining.drainingIds()).doesNotContain("localhost:5432");
    }
}
