package org.netverks.lab.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many sandboxes one client (by address) caused in the last hour. Kept in memory: a client
 * spread across app instances gets the allowance per instance, which still bounds the damage.
 */
final class CreationRateLimiter {

    private static final Duration WINDOW = Duration.ofHours(1);

    private final int perHour;
    private final Clock clock;
    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

    CreationRateLimiter(int perHour, Clock clock) {
        this.perHour = perHour;
        this.clock = clock;
    }

    /** Records one creation for {@code client}, or says how long until the next is allowed. */
    Duration acquire(String client) {
        Instant now = clock.instant();
        Deque<Instant> times = recent.computeIfAbsent(client, key -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(WINDOW))) {
                times.pollFirst();
            }
            if (times.size() >= perHour) {
                return Duration.between(now, times.peekFirst().plus(WINDOW));
            }
            times.addLast(now);
            return Duration.ZERO;
        }
    }
}
