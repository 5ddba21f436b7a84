package org.netverks.lab;

import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.netverks.lab.run.SandboxSession;
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
class SandboxSessions {

    /** A connection idle this long is checked (one round trip) before a run uses it. */
    private static final long CHECK_AFTER_IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final LabProperties properties;
    private final SandboxServers servers;
    private final SandboxService sandboxes;
    private final DiskQuotaGuard quotaGuard;
    private final Map<UUID, Slot> slots = new ConcurrentHashMap<>();

    SandboxSessions(
            LabProperties properties, SandboxServers servers, SandboxService sandboxes, DiskQuotaGuard quotaGuard) {
        this.properties = properties;
        this.servers = servers;
        this.sandboxes = sandboxes;
        this.quotaGuard = quotaGuard;
    }

    /** Work done while holding the sandbox's only session. */
    interface Work<T> {
        T on(SandboxSession session) throws SQLException;
    }

    static final class Busy extends RuntimeException {
        Busy() {
            super("Your previous run is still going. Wait for it to finish, then run again.");
        }
    }

    private static final class Slot {
        final ReentrantLock lock = new ReentrantLock();
        SandboxSession session;
        volatile long lastUsed = System.nanoTime();
    }

    <T> T with(Sandbox sandbox, SandboxServer server, Work<T> work) throws SQLException {
        Slot slot = slots.computeIfAbsent(sandbox.id(), id -> new Slot());
        boolean locked;
        try {
            locked = slot.lock.tryLock(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy();
        }
        if (!locked) {
            throw new Busy();
        }
        try {
            if (slot.session != null
                    && (!slot.session.usable()
                            || (System.nanoTime() - slot.lastUsed > CHECK_AFTER_IDLE_NANOS && !slot.session.alive()))) {
                slot.session.close();
                slot.session = null;
            }
            if (slot.session == null) {
                slot.session = open(sandbox, server);
            }
            T result = work.on(slot.session);
            if (!slot.session.usable() && servers.restarting(server)) {
                throw servers.unavailable(server); // the server died under this run
            }
            return result;
        } finally {
            slot.lastUsed = System.nanoTime();
            slot.lock.unlock();
        }
    }

    private SandboxSession open(Sandbox sandbox, SandboxServer server) throws SQLException {
        try {
            return SandboxSession.open(
                    server.host(),
                    server.port(),
                    sandbox.database(),
                    sandbox.role(),
                    sandbox.password(),
                    properties.maxResultSize().toBytes(),
                    () -> sandboxes.repairRole(sandbox));
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

    /** 28000: among others, "role … is not permitted to log in", which is how the disk quota closes a sandbox. */
    private static final String NOT_AUTHORIZED = "28000";

    static LabLimitException overQuota(LabProperties properties) {
        return new LabLimitException(
                409,
                "disk quota",
                "Your sandbox went over its "
                        + properties.sandboxQuota().toMegabytes()
                        + " MB disk quota, so it was closed: runs and your own "
                        + "clients cannot connect to it any more. Reset it to keep working (a reset gives you a fresh copy "
                        + "of the data).");
    }

    /** Closes the session of a sandbox that is going away. */
    void forget(UUID sandboxId) {
        Slot slot = slots.remove(sandboxId);
        if (slot != null && slot.session != null) {
            slot.session.close();
        }
    }

    @Scheduled(fixedDelay = 10_000)
    void closeIdle() {
        long idleNanos = properties.connectionIdle().toNanos();
        slots.forEach((id, slot) -> {
            if (System.nanoTime() - slot.lastUsed > idleNanos && slot.lock.tryLock()) {
                try {
                    if (slot.session != null) {
                        slot.session.close();
                        slot.session = null;
                    }
                    slots.remove(id, slot);
                } finally {
                    slot.lock.unlock();
                }
            }
        });
    }

    int open() {
        return (int)
                slots.values().stream().filter(slot -> slot.session != null).count();
    }
}
