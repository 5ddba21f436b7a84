package org.netverks.learner;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without letting a stranger lock a learner out. Failures are counted
 * per address <em>and client</em> (the client's IP address): after {@link #FREE_FAILURES} in a row
 * that client is locked out of that address for {@link #FIRST_LOCK}, doubling with each further
 * failure up to {@link #LONGEST_LOCK}, while the owner, from their own client, still logs in. And
 * per client across all addresses: {@link #CLIENT_FAILURES} failures in {@link #CLIENT_WINDOW} stop
 * that client's log-ins until the window ends, so it cannot spray guesses over many addresses. A
 * successful log-in clears its client's count for that address. Kept in the platform database, so
 * every app instance sees the same counts; kept for addresses without an account too, so the locks
 * tell nobody which addresses have one.
 */
@Component
class LoginThrottle {

    static final int FREE_FAILURES = 5;
    static final Duration FIRST_LOCK = Duration.ofMinutes(5);
    static final Duration LONGEST_LOCK = Duration.ofHours(1);
    static final int CLIENT_FAILURES = 20;
    static final Duration CLIENT_WINDOW = Duration.ofMinutes(15);

    private final JdbcClient jdbc;

    LoginThrottle(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Why log-ins from this client for this address are refused now, if they are. */
    Optional<String> refusal(String email, String client) {
        Optional<String> clientLock = jdbc.sql(
                        """
                select window_started + make_interval(secs => :window) from login_client_throttle
                where client_key = :client and failures >= :most and window_started > now() - make_interval(secs => :window)""")
                .param("client", client)
                .param("most", CLIENT_FAILURES)
                .param("window", CLIENT_WINDOW.toSeconds())
                .query(Timestamp.class)
                .optional()
                .map(until -> clientMessage(until.toInstant()));
        if (clientLock.isPresent()) {
            return clientLock;
        }
        return jdbc.sql("select locked_until from login_throttle where email_key = :key and client_key = :client "
                        + "and locked_until > now()")
                .param("key", key(email))
                .param("client", client)
                .query(Timestamp.class)
                .optional()
                .map(until -> addressMessage(until.toInstant()));
    }

    /** Counts a failure from the client for the address; returns the refusal it caused, if any. */
    Optional<String> recordFailure(String email, String client) {
        jdbc.sql("delete from login_throttle where last_failure < now() - interval '1 day'")
                .update();
        jdbc.sql("delete from login_client_throttle where window_started < now() - interval '1 day'")
                .update();
        int clientFailures = jdbc.sql(
                        """
                insert into login_client_throttle (client_key, window_started, failures) values (:client, now(), 1)
                on conflict (client_key) do update set
                    failures = case when login_client_throttle.window_started > now() - make_interval(secs => :window)
                                    then login_client_throttle.failures + 1 else 1 end,
                    window_started = case when login_client_throttle.window_started > now() - make_interval(secs => :window)
                                          then login_client_throttle.window_started else now() end
                returning failures""")
                .param("client", client)
                .param("window", CLIENT_WINDOW.toSeconds())
                .query(Integer.class)
                .single();
        int failures = jdbc.sql(
                        """
                insert into login_throttle (email_key, client_key, failures, last_failure)
                values (:key, :client, 1, now())
                on conflict (email_key, client_key) do update
                set failures = login_throttle.failures + 1, last_failure = now()
                returning failures""")
                .param("key", key(email))
                .param("client", client)
                .query(Integer.class)
                .single();
        if (failures >= FREE_FAILURES) {
            long minutes = Math.min(
                    LONGEST_LOCK.toMinutes(), FIRST_LOCK.toMinutes() << Math.min(10, failures - FREE_FAILURES));
            jdbc.sql("update login_throttle set locked_until = now() + make_interval(mins => :minutes) "
                            + "where email_key = :key and client_key = :client")
                    .param("minutes", (int) minutes)
                    .param("key", key(email))
                    .param("client", client)
                    .update();
        }
        return clientFailures >= CLIENT_FAILURES || failures >= FREE_FAILURES
                ? refusal(email, client)
                : Optional.empty();
    }

    /** A good log-in: this client's failures for the address are forgotten (not its failures across addresses). */
    void clear(String email, String client) {
        jdbc.sql("delete from login_throttle where email_key = :key and client_key = :client")
                .param("key", key(email))
                .param("client", client)
                .update();
    }

    private static String addressMessage(Instant until) {
        return "Too many failed log-ins for this e-mail address from your network: log-in is locked for the next "
                + minutesUntil(until) + ". If you forgot your password, reset it instead.";
    }

    private static String clientMessage(Instant until) {
        return "Too many failed log-ins from your network (" + CLIENT_FAILURES + " in " + CLIENT_WINDOW.toMinutes()
                + " minutes, whatever the address): wait " + minutesUntil(until) + ", then try again.";
    }

    private static String minutesUntil(Instant until) {
        long minutes = Math.max(1, (Duration.between(Instant.now(), until).toSeconds() + 59) / 60);
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }

    /**
     * The client's key: its IPv4 address, or the /64 network of an IPv6 address (one subscriber is
     * handed a whole /64, and could otherwise be a new client at every attempt).
     */
    static String clientKey(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.isBlank()) {
            return "unknown";
        }
        if (remoteAddress.contains(":")) { // an IPv6 literal: parsed, never looked up
            try {
                byte[] network =
                        Arrays.copyOf(InetAddress.getByName(remoteAddress).getAddress(), 16);
                Arrays.fill(network, 8, 16, (byte) 0);
                return InetAddress.getByAddress(network).getHostAddress() + "/64";
            } catch (UnknownHostException e) {
                return remoteAddress; // not an address after all: itself, as given
            }
        }
        return remoteAddress;
    }

    private static String key(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
