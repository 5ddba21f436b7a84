package org.netverks.lab;

import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.netverks.lab.run.SandboxConnection;
import org.netverks.lab.sandbox.DiskQuotaGuard;
import org.netverks.lab.sandbox.Sandbox;
import org.netverks.lab.sandbox.SandboxServer;
import org.netverks.lab.sandbox.SandboxServers;
import org.netverks.lab.sandbox.SandboxService;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The open connection of each active sandbox. A learner's runs reuse it (logging in costs more
 * than a small query), one run at a time; after {@code connectionIdle} without a run it is
 * closed, so an idle learner holds no backend on the sandbox server. A connection that sat idle
 * is checked before use and opened anew if the server went away meanwhile (it was restarted), so
 * the lab comes back by itself; while the server cannot be reached, runs are refused with 503.
 */
@Component
class OpenConnections {

    /** A connection idle this long is checked (one round trip) before a run uses it. */
    private static final long CHECK_AFTER_IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** 28000: among others, "role … is not permitted to log in", which is how the disk quota closes a sandbox. */
    private static final String NOT_AUTHORIZED = "28000";

    private final LabProperties properties;
    private final SandboxServers servers;
    private final SandboxService sandboxes;
    private final DiskQuotaGuard quotaGuard;
    private final Map<UUID, Slot> slots = new ConcurrentHashMap<>();

    OpenConnections(
            LabProperties properties, SandboxServers servers, SandboxService sandboxes, DiskQuotaGuard quotaGuard) {
        this.properties = properties;
        this.servers = servers;
        this.sandboxes = sandboxes;
        this.quotaGuard = quotaGuard;
    }

    /** Work done while holding the sandbox's only connection. */
    interface Work<T> {
        T on(SandboxConnection connection) throws SQLException;
    }

    private static final class Slot {
        final ReentrantLock lock = new ReentrantLock();
        volatile SandboxConnection connection;
        volatile long lastUsed = System.nanoTime();
    }

    private static LabRefusal busy() {
        return new LabRefusal(
                LabRefusal.Kind.RUN_IN_PROGRESS,
                "Your previous run is still going. Wait for it to finish, then run again.");
    }

    <T> T with(Sandbox sandbox, SandboxServer server, Work<T> work) throws SQLException {
        Slot slot = slots.computeIfAbsent(sandbox.id(), id -> new Slot());
        boolean locked;
        try {
            locked = slot.lock.tryLock(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        }
        if (!locked) {
            throw busy();
        }
        try {
            if (slot.connection != null
                    && (!slot.connection.usable()
                            || (System.nanoTime() - slot.lastUsed > CHECK_AFTER_IDLE_NANOS
                                    && !slot.connection.alive()))) {
                slot.connection.close();
                slot.connection = null;
            }
            if (slot.connection == null) {
                slot.connection = open(sandbox, server);
            }
            T result = work.on(slot.connection);
            if (!slot.connection.usable() && servers.restarting(server)) {
                throw servers.unavailable(server); // the server died under this run
            }
            return result;
        } finally {
            slot.lastUsed = System.nanoTime();
            slot.lock.unlock();
        }
    }

    SandboxConnection open(Sandbox sandbox, SandboxServer server) throws SQLException {
        try {
            SandboxConnection opened = SandboxConnection.open(
                    server.host(),
                    server.port(),
                    sandbox.database(),
                    sandbox.role(),
                    sandbox.password(),
                    properties.maxResultSize().toBytes(),
                    () -> sandboxes.repairRole(sandbox));
            servers.markUp(server); // it answers: new sandboxes may go there again without waiting for the probe
            return opened;
        } catch (SQLException e) {
            if (SandboxServers.unreachable(e)) {
                throw servers.unavailable(server);
            }
            if (NOT_AUTHORIZED.equals(e.getSQLState()) && quotaGuard.closedForQuota(server, sandbox)) {
                throw overQuota(properties);
            }
            throw e;
        }
    }

    static LabRefusal overQuota(LabProperties properties) {
        return new LabRefusal(
                LabRefusal.Kind.OVER_DISK_QUOTA,
                "Your sandbox went over its "
                        + properties.sandboxQuota().toMegabytes()
                        + " MB disk quota, so it was closed: runs and your own "
                        + "clients cannot connect to it any more. Reset it to keep working (a reset gives you a fresh copy "
                        + "of the data).");
    }

    /** The backend of the sandbox's one-session connection, while one is open. */
    java.util.OptionalInt backendPid(UUID sandboxId) {
        Slot slot = slots.get(sandboxId);
        SandboxConnection connection = slot == null ? null : slot.connection;
        return connection == null || !connection.usable()
                ? java.util.OptionalInt.empty()
                : java.util.OptionalInt.of(connection.backendPid());
    }

    /** Closes the connection of a sandbox that is going away. */
    void forget(UUID sandboxId) {
        Slot slot = slots.remove(sandboxId);
        if (slot != null && slot.connection != null) {
            slot.connection.close();
        }
    }

    @Scheduled(fixedDelay = 10_000)
    void closeIdle() {
        long idleNanos = properties.connectionIdle().toNanos();
        slots.forEach((id, slot) -> {
            if (System.nanoTime() - slot.lastUsed > idleNanos && slot.lock.tryLock()) {
                try {
                    if (slot.connection != null) {
                        slot.connection.close();
                        slot.connection = null;
                    }
                    slots.remove(id, slot);
                } finally {
                    slot.lock.unlock();
                }
            }
        });
    }
}
