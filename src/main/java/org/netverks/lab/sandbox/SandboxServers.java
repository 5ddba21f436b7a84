package org.netverks.lab.sandbox;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The servers sandboxes are spread over. The list may still be coming (the embedded cluster
 * starts in the background so that lesson pages are served meanwhile): {@link #all()} waits.
 *
 * <p>Also what this app instance knows of each server's health: a server is <em>down</em> from the
 * moment a connection to it failed (or the start-up check found it unusable) until a connection or
 * {@link SandboxServerProbe}'s check succeeds again. New sandboxes are not placed on a down server;
 * its learners are told it cannot be reached. Kept in memory per instance: each instance finds out
 * by itself, within one failed connection or one probe (every few seconds).
 */
public final class SandboxServers {

    private static final Duration RETRY_RESTARTING = Duration.ofSeconds(5);
    private static final Duration RETRY_UNREACHABLE = Duration.ofSeconds(15);

    private static final Logger log = LoggerFactory.getLogger(SandboxServers.class);

    private final Supplier<List<SandboxServer>> servers;
    private final Predicate<SandboxServer> restarting;
    /** Where the servers come from, for log lines: the operator's setting, or the embedded cluster. */
    private final String source;
    /** Server id → why it is down now (the driver's message, or what the start-up check found). */
    private final Map<String, String> down = new ConcurrentHashMap<>();

    SandboxServers(Supplier<List<SandboxServer>> servers, Predicate<SandboxServer> restarting, boolean configured) {
        this.servers = servers;
        this.restarting = restarting;
        this.source = configured ? "listed in NETVERKS_LAB_SERVERS (netverks.lab.servers)" : "embedded";
    }

    public List<SandboxServer> all() {
        return servers.get();
    }

    public SandboxServer byId(String id) {
        return all().stream()
                .filter(server -> server.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("sandbox server " + id + " is no longer configured"));
    }

    /** Whether {@code server} is an embedded cluster that died and is being started again. */
    public boolean restarting(SandboxServer server) {
        return restarting.test(server);
    }

    /** Records that {@code server} failed, with why (logged when it was not down before). */
    public void markDown(SandboxServer server, String cause) {
        if (down.put(server.id(), cause) == null) {
            log.warn(
                    "Sandbox server {} ({}) is marked down: {}. No new sandboxes go there and its learners are told it"
                            + " cannot be reached; it is checked again every {} s and used again once it answers.",
                    server.id(),
                    source,
                    cause,
                    SandboxServerProbe.EVERY.toSeconds());
        }
    }

    /** Records that {@code server} answered and is fit for sandboxes (logged when it was down until now). */
    public void markUp(SandboxServer server) {
        if (down.remove(server.id()) != null) {
            log.info("Sandbox server {} is back: new sandboxes may go there again", server.id());
        }
    }

    /** Whether any server is marked down (cheap: no server list is needed). */
    boolean anyDown() {
        return !down.isEmpty();
    }

    /** Why {@code server} is down, or empty while it is not known to be. */
    public Optional<String> downCause(SandboxServer server) {
        return Optional.ofNullable(down.get(server.id()));
    }

    public boolean isDown(SandboxServer server) {
        return down.containsKey(server.id());
    }

    /**
     * Whether {@code e} means the server could not be reached or went away (SQLSTATE class 08:
     * refused, broken; 57P03: starting up), rather than a statement that failed.
     */
    public static boolean unreachable(SQLException e) {
        return e.getSQLState() != null
                && (e.getSQLState().startsWith("08") || e.getSQLState().equals("57P03"));
    }

    /**
     * The refusal for a request that needs {@code server} (the one holding the learner's sandbox)
     * while it cannot be reached; the server is marked down, so no new sandbox goes there meanwhile.
     */
    public SandboxUnavailableException unavailable(SandboxServer server) {
        if (!isDown(server)) {
            markDown(server, "it cannot be reached");
        }
        return unavailable(restarting(server));
    }

    /** As {@link #unavailable(SandboxServer)} when it is not known which server failed. */
    public SandboxUnavailableException unavailable() {
        return unavailable(all().stream().anyMatch(this::restarting));
    }

    private static SandboxUnavailableException unavailable(boolean restarting) {
        return restarting
                ? new SandboxUnavailableException(
                        SandboxUnavailableException.Reason.SERVER_DOWN,
                        RETRY_RESTARTING,
                        "The lab's database server is restarting after a failure. Your sandbox and its tables will be "
                                + "back in a few seconds: run again shortly.")
                : new SandboxUnavailableException(
                        SandboxUnavailableException.Reason.SERVER_DOWN,
                        RETRY_UNREACHABLE,
                        "The lab's database server holding your sandbox cannot be reached right now, so your sandbox "
                                + "is unavailable (its tables are kept on that server). Please try again in a minute: the "
                                + "lab reconnects by itself when the server is back.");
    }
}
