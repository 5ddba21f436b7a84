package org.netverks.lab.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CreationRateLimiterTest {

    private Instant now = Instant.parse("2026-11-23T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void allowsTheHourlyAllowancePerClientThenSaysHowLongToWait() {
        CreationRateLimiter limiter = new CreationRateLimiter(3, clock);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire("10.0.0.1")).isZero();
            now = now.plus(Duration.ofMinutes(10));
        }
        assertThat(limiter.acquire("10.0.0.1")).isEqualTo(Duration.ofMinutes(30));
        assertThat(limiter.acquire("10.0.0.2"))
                .as("other clients are not affected")
                .isZero();

        now = now.plus(Duration.ofMinutes(31));
        assertThat(limiter.acquire("10.0.0.1"))
                .as("the oldest creation left the window")
                .isZero();
    }
}
