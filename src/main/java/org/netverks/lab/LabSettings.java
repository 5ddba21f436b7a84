package org.netverks.lab;

import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.netverks.lab.shared.DisplaySettings;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.stereotype.Component;

/**
 * Each learner's psql settings (\x, \timing, \pset, \set), which last from run to run. They belong
 * to the HTTP session, which keeps them across restarts and for every app instance, but they are
 * written there only when a run changes them: a run that leaves them as they were writes nothing
 * to the platform database. Each version gets a stamp, carried by the learner's lab pass
 * ({@link LabPasses}); runs on the lean path ({@link LeanLabRuns}) read the settings from this
 * instance's memory while the stamps agree, and from the session when another instance (or another
 * tab's run) changed them since.
 */
@Component
class LabSettings {

    static final String SETTINGS = "netverks.lab.settings";
    static final String STAMP = "netverks.lab.settings-stamp";
    /** The stamp of settings never changed: psql's defaults. */
    static final String DEFAULTS = "0";

    private static final Duration FORGET_AFTER = Duration.ofMinutes(10);

    private final SessionRepository<Session> sessions;
    private final Map<String, Known> byLearner = new ConcurrentHashMap<>();

    LabSettings(SessionRepository<Session> sessions) {
        this.sessions = sessions;
    }

    /** One version of a learner's settings, and when a run last used it. */
    record Version(String stamp, DisplaySettings settings) {}

    private record Known(Version version, long usedNanos) {}

    /** The settings kept in this session (the full path, which has the session at hand). */
    Version of(HttpSession session) {
        return stored(session::getAttribute);
    }

    /**
     * Keeps what a run left for the learner's next run, writing the session only when it differs
     * from {@code before}; returns the stamp of the settings now in force.
     */
    String remember(HttpSession session, String learnerKey, Version before, DisplaySettings after) {
        if (after.equals(before.settings())) {
            cache(learnerKey, before);
            return before.stamp();
        }
        return store(learnerKey, after, session::setAttribute);
    }

    /**
     * The settings of the version a lab pass names, from memory when this instance knows that
     * version, else from the session; empty when the session is gone.
     */
    Optional<Version> of(String learnerKey, String stamp, String sessionId) {
        Known known = byLearner.get(learnerKey);
        if (known != null && known.version().stamp().equals(stamp)) {
            cache(learnerKey, known.version());
            return Optional.of(known.version());
        }
        Session session = sessions.findById(sessionId);
        if (session == null) {
            return Optional.empty();
        }
        Version stored = stored(session::getAttribute);
        cache(learnerKey, stored);
        return Optional.of(stored);
    }

    /**
     * Writes settings a lean-path run changed into the session; returns the new stamp, or empty
     * when the session is gone (the next run takes the full path and starts afresh).
     */
    Optional<String> remember(String learnerKey, String sessionId, DisplaySettings after) {
        Session session = sessions.findById(sessionId);
        if (session == null) {
            return Optional.empty();
        }
        String stamp = store(learnerKey, after, session::setAttribute);
        sessions.save(session);
        return Optional.of(stamp);
    }

    @Scheduled(fixedDelay = 60_000)
    void forgetIdle() {
        long now = System.nanoTime();
        byLearner.values().removeIf(known -> now - known.usedNanos() > FORGET_AFTER.toNanos());
    }

    /** Puts a new version of the settings into a session (through its setter) and this instance's memory. */
    private String store(String learnerKey, DisplaySettings after, BiConsumer<String, Object> setAttribute) {
        Version changed = new Version(newStamp(), after);
        setAttribute.accept(SETTINGS, after);
        setAttribute.accept(STAMP, changed.stamp());
        cache(learnerKey, changed);
        return changed.stamp();
    }

    private void cache(String learnerKey, Version version) {
        byLearner.put(learnerKey, new Known(version, System.nanoTime()));
    }

    /** Not secret, only different from the versions before it: it names a version, the pass's signature vouches for it. */
    private static String newStamp() {
        return Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
    }

    /**
     * The version kept in a session (read through its getter). A value of another shape counts as
     * the defaults; one stored before a setting existed reads with that setting at its default
     * (see DisplaySettings).
     */
    private static Version stored(Function<String, Object> attributes) {
        Object settings;
        try {
            settings = attributes.apply(SETTINGS);
        } catch (RuntimeException e) {
            settings = null; // stored under a class this version no longer has
        }
        Object stamp = attributes.apply(STAMP);
        return new Version(
                stamp instanceof String known ? known : DEFAULTS,
                settings instanceof DisplaySettings known ? known : DisplaySettings.DEFAULT);
    }
}
