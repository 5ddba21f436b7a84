package org.netverks.learner;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing per e-mail address: after {@link #FREE_FAILURES} failed log-ins in a
 * row the address is locked for {@link #FIRST_LOCK}, doubling with each further failure up to
 * {@link #LONGEST_LOCK}; a successful log-in clears it. Kept in the platform database, so every
 * app instance sees the same count; kept for addresses without an account too, so the lock
 * tells nobody which addresses have one.
 */
@Component
class LoginThrottle {

    static final int FREE_FAILURES = 5;
    static final Duration FIRST_LOCK = Duration.ofMinutes(5);
    static final Duration LONGEST_LOCK = Duration.ofHours(1);

    private final JdbcClient jdbc;

    LoginThrottle(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Until when log-ins for this address are refused, if they are now. */
    Optional<Instant> lockedUntil(String email) {
        return jdbc.sql("select locked_until from login_throttle where email_key = :key and locked_until > now()")
                .param("key", key(email)).query(java.sql.Timestamp.class).optional().map(java.sql.Timestamp::toInstant);
    }

    /** Counts a failure; returns the lock it caused, if any. */
    Optional<Instant> recordFailure(String email) {
        int failures = jdbc.sql("""
                insert into login_throttle (email_key, failures, last_failure) values (:key, 1, now())
                on conflict (email_key) do update set failures = login_throttle.failures + 1, last_failure = now()
                returning failures""").param("key", key(email)).query(Integer.class).single();
        if (failures < FREE_FAILURES) {
            return Optional.empty();
        }
        long minutes = Math.min(LONGEST_LOCK.toMinutes(), FIRST_LOCK.toMinutes() << Math.min(10, failures - FREE_FAILURES));
        Instant until = Instant.now().plus(Duration.ofMinutes(minutes));
        jdbc.sql("update login_throttle set locked_until = :until where email_key = :key")
                .param("until", java.sql.Timestamp.from(until)).param("key", key(email)).update();
        return Optional.of(until);
    }

    void clear(String email) {
        jdbc.sql("delete from login_throttle where email_key = :key").param("key", key(email)).update();
    }

    private static String key(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
