package org.netverks.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A lab pass vouches for one learner in one session, for a minute, and cannot be altered. */
class LabPassesTest {

    private static final byte[] KEY = new byte[32];
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    static {
        Arrays.fill(KEY, (byte) 7);
    }

    private static LabPasses at(Instant instant) {
        return new LabPasses(() -> KEY, Clock.fixed(instant, ZoneOffset.UTC));
    }

    @Test
    void aPassNamesItsLearnerAndSettingsForItsOwnSession() {
        String pass = at(NOW).issue("session-1", "anon:1234", "k3x9");

        assertThat(at(NOW.plusSeconds(59)).verify(pass, "session-1")).contains(new LabPasses.Pass("anon:1234", "k3x9"));
        assertThat(at(NOW).verify(pass, "session-2")).isEmpty();
    }

    @Test
    void anExpiredOrAlteredPassIsWorthNothing() {
        String pass = at(NOW).issue("session-1", "anon:1234", "k3x9");

        assertThat(at(NOW.plus(LabPasses.LIFETIME)).verify(pass, "session-1")).isEmpty();
        assertThat(at(NOW.minus(Duration.ofSeconds(5))).verify(pass, "session-1"))
                .as("issued in the future")
                .isEmpty();
        assertThat(at(NOW).verify(pass.replace("anon:1234", "anon:9999"), "session-1"))
                .as("another learner's key")
                .isEmpty();
        assertThat(at(NOW).verify(pass.replace(".k3x9.", ".0."), "session-1"))
                .as("other settings")
                .isEmpty();
        String otherKey = new LabPasses(() -> new byte[32], Clock.fixed(NOW, ZoneOffset.UTC))
                .issue("session-1", "anon:1234", "k3x9");
        assertThat(at(NOW).verify(otherKey, "session-1"))
                .as("signed with another key")
                .isEmpty();
        for (String garbage : new String[] {"", ".", "...", "1.2", "x.y.z.w", pass + "x", "abc." + pass}) {
            assertThat(at(NOW).verify(garbage, "session-1")).as(garbage).isEmpty();
        }
    }
}
