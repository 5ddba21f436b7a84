package org.netverks.lab;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class LabPropertiesValidatorTest {

    private static LabProperties settings(List<String> servers, Duration statement, Duration run, int maxSandboxes) {
        return settings(servers, statement, run, maxSandboxes, DataSize.ofMegabytes(256), Duration.ofSeconds(1));
    }

    private static LabProperties settings(
            List<String> servers,
            Duration statement,
            Duration run,
            int maxSandboxes,
            DataSize memoryPerSession,
            Duration quotaCheckInterval) {
        return settings(servers, statement, run, maxSandboxes, memoryPerSession, quotaCheckInterval, null);
    }

    private static LabProperties settings(
            List<String> servers,
            Duration statement,
            Duration run,
            int maxSandboxes,
            DataSize memoryPerSession,
            Duration quotaCheckInterval,
            Integer checkPoolSize) {
        return new LabProperties(
                servers,
                "localhost",
                null,
                0,
                statement,
                run,
                DataSize.ofKilobytes(64),
                500,
                DataSize.ofMegabytes(8),
                100,
                DataSize.ofMegabytes(200),
                2,
                maxSandboxes,
                Duration.ofMinutes(30),
                30,
                Duration.ofSeconds(60),
                DataSize.ofMegabytes(256),
                4,
                Duration.ofSeconds(10),
                memoryPerSession,
                quotaCheckInterval,
                checkPoolSize,
                Duration.ofSeconds(60),
                Duration.ofMinutes(10));
    }

    @Test
    void contradictionsStopTheStartWithEveryProblemNamed() {
        assertThatThrownBy(() -> new LabPropertiesValidator(
                        settings(List.of("mysql://nope"), Duration.ofSeconds(10), Duration.ofSeconds(5), 0)))
                .hasMessageContaining(
                        "netverks.lab.run-timeout (PT5S) must be at least netverks.lab.statement-timeout (PT10S)")
                .hasMessageContaining("netverks.lab.max-sandboxes at least 1")
                .hasMessageContaining(
                        "NETVERKS_LAB_SERVERS (netverks.lab.servers): entry 1, 'mysql://nope' is not a URL"
                                + " like postgresql://USER:PASSWORD@HOST:5432");
    }

    @Test
    void aMalformedServerListNamesTheSettingTheEntryAndTheFormAndHidesPasswords() {
        List<String> servers = List.of(
                "postgresql://admin:fine0password@db1:5432",
                "postgresql://admin:p@ss:word@db2",
                "postgresql://admin@db3",
                "postgresql://admin:other0secret@db1:5432");
        assertThatThrownBy(() -> new LabPropertiesValidator(
                        settings(servers, Duration.ofSeconds(5), Duration.ofSeconds(10), 10)))
                .isInstanceOf(org.netverks.lab.sandbox.InvalidLabSettingsException.class)
                .hasMessageContaining(
                        "entry 2, 'postgresql://admin:***@db2' is not a URL like postgresql://USER:PASSWORD"
                                + "@HOST:5432")
                .hasMessageContaining("percent-encoded, e.g. %40 for @")
                .hasMessageContaining("entry 3, 'postgresql://admin@db3' is not a URL")
                .hasMessageContaining("entry 4 lists server db1:5432 again")
                .hasMessageNotContaining("p@ss")
                .hasMessageNotContaining("ss:word")
                .hasMessageNotContaining("secret")
                .hasMessageNotContaining("fine0password");
    }

    @Test
    void serverPasswordsNeverAppearInTheMessage() {
        assertThatThrownBy(() -> new LabPropertiesValidator(settings(
                        List.of("postgres://admin:s3cret@db"), Duration.ofSeconds(5), Duration.ofSeconds(10), 10)))
                .hasMessageContaining("postgres://admin:***@db")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void aMemoryLimitTooSmallForPostgresqlOrATooFrequentQuotaCheckIsRefused() {
        assertThatThrownBy(() -> new LabPropertiesValidator(settings(
                        List.of(),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(10),
                        10,
                        DataSize.ofMegabytes(64),
                        Duration.ofMillis(10))))
                .hasMessageContaining("netverks.lab.memory-per-session must be 0 (unbounded) or at least 128MB")
                .hasMessageContaining("netverks.lab.quota-check-interval must be at least 100ms");
        assertThatCode(() -> new LabPropertiesValidator(settings(
                        List.of(),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(10),
                        10,
                        DataSize.ofBytes(0),
                        Duration.ofMillis(250))))
                .as("0 turns the memory limit off")
                .doesNotThrowAnyException();
    }

    @Test
    void aCheckPoolBelowZeroOrLargerThanTheLabIsRefusedAndItsDefaultIsTwoCopiesPerGradingSlot() {
        for (int size : new int[] {-1, 11}) {
            assertThatThrownBy(() -> new LabPropertiesValidator(settings(
                            List.of(),
                            Duration.ofSeconds(5),
                            Duration.ofSeconds(10),
                            10,
                            DataSize.ofMegabytes(256),
                            Duration.ofSeconds(1),
                            size)))
                    .hasMessageContaining(
                            "netverks.lab.check-pool-size must be between 0 and netverks.lab.max-sandboxes (10)");
        }
        LabProperties unset = settings(List.of(), Duration.ofSeconds(5), Duration.ofSeconds(10), 10);
        assertThatCode(() -> new LabPropertiesValidator(unset)).doesNotThrowAnyException();
        org.assertj.core.api.Assertions.assertThat(unset.checkPool())
                .as("two ready copies for each of the 4 grading slots")
                .isEqualTo(8);
    }
}
