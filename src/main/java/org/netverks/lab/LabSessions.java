package org.netverks.lab;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.netverks.lab.run.ConcurrentSession;
import org.netverks.lab.run.ScriptRunner;
import org.netverks.lab.sandbox.Sandbox;
import org.netverks.lab.sandbox.SandboxActivity;
import org.netverks.lab.sandbox.SandboxServer;
import org.netverks.lab.shared.DisplaySettings;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The two sessions, A and B, of each learner's two-session lab, beside the one connection of the
 * one-session lab ({@link OpenConnections}): each is a connection of its own to the learner's
 * sandbox, so the pair and the learner's own psql all count against the sandbox role's connection
 * limit. A session keeps its transaction from run to run; one left open longer than
 * {@code session-transaction-limit} is rolled back, and a session idle (no transaction) for
 * {@code connection-idle} is closed, so an idle learner holds no backend. A reset closes both.
 */
@Component
class LabSessions {

    static final List<String> NAMES = List.of("a", "b");

    private final LabProperties properties;
    private final OpenConnections connections;
    private final ScriptRunner runner;
    private final SandboxActivity activity;
    private final LabMetrics metrics;
    private final Map<UUID, Pair> pairs = new ConcurrentHashMap<>();

    LabSessions(
            LabProperties properties,
            OpenConnections connections,
            ScriptRunner runner,
            SandboxActivity activity,
            LabMetrics metrics,
            MeterRegistry meters) {
        this.properties = properties;
        this.connections = connections;
        this.runner = runner;
        this.activity = activity;
        this.metrics = metrics;
        Gauge.builder("netverks.lab.sessions.open", this, LabSessions::openSessions)
                .description("Open sessions of the two-session lab on this app instance (each holds a backend)")
                .register(meters);
    }

    private double openSessions() {
        return pairs.values().stream().mapToInt(pair -> pair.open.size()).sum();
    }

    /** A learner's sessions; either may be closed (null) until a run opens it. */
    static final class Pair {
        private final Map<String, ConcurrentSession> open = new ConcurrentHashMap<>();
        /** Messages of sessions closed before the page collected them (the transaction time limit's). */
        private final Map<String, List<String>> leftOver = new ConcurrentHashMap<>();

        /** The messages of a closed session not yet given out, once. */
        List<String> takeLeftOver(String name) {
            List<String> messages = leftOver.remove(name);
            return messages == null ? List.of() : messages;
        }

        /** What the session with backend {@code pid} is called: "a", "b", or "other" (the learner's psql, the one-session lab). */
        String nameOf(int pid) {
            return open.values().stream()
                    .filter(session -> session.pid() == pid)
                    .map(ConcurrentSession::name)
                    .findFirst()
                    .orElse("other");
        }

        Optional<ConcurrentSession> session(String name) {
            return Optional.ofNullable(open.get(name));
        }
    }

    /** The session {@code name} of the sandbox's pair, connected now if it was not. */
    ConcurrentSession session(Sandbox sandbox, SandboxServer server, String name, DisplaySettings settings)
            throws SQLException {
        Pair pair = pairs.computeIfAbsent(sandbox.id(), id -> new Pair());
        synchronized (pair) {
            ConcurrentSession session = pair.open.get(name);
            if (session != null && session.connection().usable()) {
                return session;
            }
            if (session != null) {
                session.close(); // the server ended it (idle in transaction too long, a restart)
            }
            var connection = connections.open(sandbox, server);
            try {
                // the lab bounds waits and open transactions itself, with messages; the server's bounds are backstops
                connection.raiseServerTimeouts(
                        properties.lockWaitTimeout().plusSeconds(5),
                        properties.sessionTransactionLimit().plusMinutes(1));
                session = new ConcurrentSession(
                        name,
                        connection,
                        runner,
                        pid -> activity.blockers(server, pid),
                        pair::nameOf,
                        properties.statementTimeout(),
                        settings);
            } catch (RuntimeException e) {
                connection.close();
                throw e;
            }
            pair.open.put(name, session);
            return session;
        }
    }

    /** The sandbox's pair, if the learner has used two sessions on it. */
    Optional<Pair> pair(UUID sandboxId) {
        return Optional.ofNullable(pairs.get(sandboxId));
    }

    /** Closes both sessions of a sandbox that is reset or going away (open transactions are rolled back). */
    void forget(UUID sandboxId) {
        Pair pair = pairs.remove(sandboxId);
        if (pair != null) {
            synchronized (pair) {
                pair.open.values().forEach(ConcurrentSession::close);
                pair.open.clear();
            }
        }
    }

    /**
     * The sessions' time bounds: a transaction open too long is rolled back (the page shows the
     * message with the session's next results), an idle session without a transaction is closed.
     */
    @Scheduled(fixedDelay = 5_000)
    void sweep() {
        sweep(properties.sessionTransactionLimit(), properties.connectionIdle().toNanos());
    }

    void sweep(Duration limit, long idleNanos) {
        pairs.forEach((id, pair) -> {
            synchronized (pair) {
                pair.open.values().removeIf(session -> {
                    if (session.endTransactionOpenLongerThan(
                            limit,
                            "Session " + session.name().toUpperCase(java.util.Locale.ROOT)
                                    + "'s transaction was open for " + limit.toMinutes()
                                    + " minutes, the longest the lab keeps one open (transaction time limit), "
                                    + "so it was rolled back.")) {
                        metrics.limitHit("transaction time limit");
                    }
                    boolean idle = !session.busy()
                            && session.transactionStart() == null
                            && session.nanosSinceUsed() > idleNanos;
                    if (idle) {
                        List<String> unread = session.drain().messages();
                        if (!unread.isEmpty()) {
                            pair.leftOver.put(session.name(), unread);
                        }
                        session.close();
                    }
                    return idle;
                });
                if (pair.open.isEmpty() && pair.leftOver.isEmpty()) {
                    pairs.remove(id, pair);
                }
            }
        });
    }
}
