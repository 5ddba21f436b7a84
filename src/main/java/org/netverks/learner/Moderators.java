package org.netverks.learner;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who may moderate: an account whose address is confirmed and is either configured
 * ({@code netverks.moderators}) or granted in the database ({@code moderator_grant}, written by
 * the {@code moderator} command, so every app instance sees it). A signed-in learner's rights are
 * looked up again at most every {@link #FRESH_FOR} ({@link ModeratorRights}), so a grant or a
 * removal reaches sessions that are already open within that time, on every instance.
 */
@Component
class Moderators {

    /** How long an instance trusts what it last read about one account's rights. */
    static final Duration FRESH_FOR = Duration.ofSeconds(5);

    private static final int MAX_REMEMBERED = 10_000;

    private final List<String> addresses;
    private final JdbcClient jdbc;
    private final Map<UUID, Seen> seen = new ConcurrentHashMap<>();

    private record Seen(boolean moderator, long atNanos) {}

    Moderators(LearnerProperties properties, JdbcClient jdbc) {
        this.addresses = configured(properties.moderators());
        this.jdbc = jdbc;
    }

    /** The configured addresses, stripped, lower case, without blanks. */
    static List<String> configured(List<String> moderators) {
        return moderators.stream()
                .map(String::strip)
                .filter(email -> !email.isEmpty())
                .map(email -> email.toLowerCase(Locale.ROOT))
                .toList();
    }

    /** Whether the address is configured or granted (its account still needs a confirmed address). */
    boolean includes(String email) {
        if (email == null) {
            return false;
        }
        String address = email.strip().toLowerCase(Locale.ROOT);
        return addresses.contains(address)
                || jdbc.sql("select exists (select 1 from moderator_grant where email = :email)")
                        .param("email", address)
                        .query(Boolean.class)
                        .single();
    }

    List<String> addresses() {
        return addresses;
    }

    /**
     * Whether the account may moderate now; empty if it is gone. What was read less than
     * {@link #FRESH_FOR} ago is trusted only when it agrees with what the session {@code holds}: a
     * session that disagrees (signed in since, with the rights the account had then) is checked now.
     */
    Optional<Boolean> rightsOf(UUID accountId, boolean holds) {
        Seen known = seen.get(accountId);
        if (known != null && known.moderator() == holds && System.nanoTime() - known.atNanos() < FRESH_FOR.toNanos()) {
            return Optional.of(holds);
        }
        Optional<Boolean> now = jdbc.sql(
                        """
                select email_verified_at is not null
                       and (lower(email) = any(:configured) or lower(email) in (select email from moderator_grant))
                from learner_account where id = :id""")
                .param("configured", addresses.toArray(String[]::new))
                .param("id", accountId)
                .query(Boolean.class)
                .optional();
        if (seen.size() > MAX_REMEMBERED) {
            seen.clear(); // only a cache: at worst each account is read once more
        }
        now.ifPresent(moderator -> seen.put(accountId, new Seen(moderator, System.nanoTime())));
        return now;
    }
}
