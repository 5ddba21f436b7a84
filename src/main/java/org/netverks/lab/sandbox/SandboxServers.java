package org.netverks.lab.sandbox;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The servers sandboxes are spread over. The list may still be coming (the embedded cluster
 * starts in the background so that lesson pages are served meanwhile): {@link #all()} waits.
 */
public final class SandboxServers {

    private static final Duration RETRY_RESTARTING = Duration.ofSeconds(5);
    private static final Duration RETRY_UNREACHABLE = Duration.ofSeconds(15);

    private final Supplier<List<SandboxServer>> servers;
    private final Predicate<SandboxServer> restarting;

    SandboxServers(Supplier<List<SandboxServer>> servers, Predicate<SandboxServer> restarting) {
        this.servers = servers;
        this.restarting = restarting;
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

    /**
     * Whether {@code e} means the server could not be reached or went away (SQLSTATE class 08:
     * refused, broken; 57P03: starting up), rather than a statement that failed.
     */
    public static boolean unreachable(SQLException e) {
        return e.getSQLState() != null
                && (e.getSQLState().startsWith("08") || e.getSQLState().equals("57P03"));
    }

    /** The refusal for a request that needs {@code server} while it cannot be reached. */
    public SandboxUnavailableException unavailable(SandboxServer server) {
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
                        "The lab's database server cannot be reached right now, so your sandbox is unavailable. "
                                + "Please try again shortly.");
    }
}
