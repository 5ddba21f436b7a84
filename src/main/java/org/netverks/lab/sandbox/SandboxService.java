package org.netverks.lab.sandbox;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.netverks.content.ContentCatalog;
import org.netverks.content.Dataset;
import org.netverks.lab.LabProperties;
import org.netverks.platform.BackgroundWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Hands each learner their sandbox for a dataset: the one they have, else a ready one from the
 * warm pool, else a new one — within the lab's capacity and each client's creation allowance.
 * Gives checks pristine copies from a pool of their own. Keeps both pools topped up and reclaims
 * sandboxes nobody has used for a while.
 */
@Service
public class SandboxService implements ScratchDatabases {

    private static final Logger log = LoggerFactory.getLogger(SandboxService.class);
    private static final Duration CAPACITY_RETRY = Duration.ofMinutes(1);
    private static final Duration SERVER_RETRY = Duration.ofSeconds(30);
    private static final String TOP_UP = "Warm pool top-up";
    private static final String CHECK_POOL_TOP_UP = "Check pool top-up";

    /**
     * Learners run many statements a minute; looking their sandbox up in the platform database at
     * most every {@link #RECENT} keeps that read off the hot path (issue 15: a run reads and writes
     * nothing on the platform database when its sandbox is known). The price is that another app
     * instance may replace the sandbox meanwhile (a reset, an idle reclaim). That is made safe
     * where it happens, not by reading on every run: a reset drops the old database before it
     * answers ({@link #reset}), which terminates every connection to it on any instance, so a
     * remembered sandbox can only fail, never serve old tables; the lab then looks the sandbox up
     * again and retries once ({@link #onCurrentSandbox}). One platform read per failure, none per run.
     */
    private static final Duration RECENT = Duration.ofSeconds(30);

    private record Known(Sandbox sandbox, long seenNanos) {}

    private final SandboxRepository repository;
    private final SandboxProvisioner provisioner;
    private final DatasetTemplates templates;
    private final SandboxServers servers;
    private final ContentCatalog catalog;
    private final LabProperties properties;
    private final CreationRateLimiter rateLimiter;
    private final DiskQuotaGuard quotaGuard;
    private final SandboxServerDraining draining;
    private final SandboxMetrics metrics;
    private final OutsideClients outsideClients = new OutsideClients();
    private final Map<String, Known> recent = new java.util.concurrent.ConcurrentHashMap<>();
    /** Sandboxes being made by this instance now, by server: not recorded yet, but placed. */
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> creating =
            new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * Sandboxes this instance's learners used since the last reclaim pass, which stamps them used
     * in one statement before it looks for idle ones: no write per run, nor per learner.
     */
    private final java.util.Set<java.util.UUID> usedSinceReclaim = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** This app instance's read-only copies are recorded under this owner key, one per dataset. */
    private final String readOnlyOwner = "grader:" + java.util.UUID.randomUUID();
    /** A lock per dataset name for making its read-only copy ({@link #currentReadOnlyCopy}). */
    private final Map<String, Object> readOnlyCopyMaking = new java.util.concurrent.ConcurrentHashMap<>();
    /** One background thread for pool top-ups and drops, so they never run twice at once here. */
    private final ExecutorService maintenance = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sandbox-maintenance");
        thread.setDaemon(true);
        return thread;
    });

    SandboxService(
            SandboxRepository repository,
            SandboxProvisioner provisioner,
            DatasetTemplates templates,
            SandboxServers servers,
            ContentCatalog catalog,
            LabProperties properties,
            DiskQuotaGuard quotaGuard,
            SandboxServerDraining draining,
            SandboxMetrics metrics) {
        this.repository = repository;
        this.provisioner = provisioner;
        this.templates = templates;
        this.servers = servers;
        this.catalog = catalog;
        this.properties = properties;
        this.quotaGuard = quotaGuard;
        this.draining = draining;
        this.metrics = metrics;
        this.rateLimiter = new CreationRateLimiter(properties.creationsPerClientPerHour(), Clock.systemUTC());
    }

    /** The learner's sandbox for this dataset, made ready if they have none. */
    public Sandbox sandboxFor(String ownerKey, Dataset dataset, String client) {
        String key = ownerKey + "\n" + dataset.name();
        Known known = recent.get(key);
        if (known != null && System.nanoTime() - known.seenNanos() < RECENT.toNanos()) {
            usedSinceReclaim.add(known.sandbox().id());
            return known.sandbox();
        }
        Sandbox sandbox =
                repository.findOwned(ownerKey, dataset.name()).orElseGet(() -> obtain(ownerKey, dataset, client));
        usedSinceReclaim.add(sandbox.id());
        recent.put(key, new Known(sandbox, System.nanoTime()));
        return sandbox;
    }

    /**
     * Replaces the learner's sandbox with a pristine one and returns the old one, which is dropped
     * before this returns: {@code DROP DATABASE … WITH (FORCE)} terminates every connection to it,
     * this app instance's and any other's, so no instance can run on it after the reset answered
     * (one that remembered it fails to connect and looks the sandbox up again: {@link #onCurrentSandbox}).
     * That costs the reset the drop's time (bench/RESULTS.md, "Servers: a synchronous drop").
     */
    public Optional<Sandbox> reset(String ownerKey, Dataset dataset, String client) {
        forgetRecent(ownerKey, dataset);
        Optional<Sandbox> old = repository.release(ownerKey, dataset.name());
        // a request that looked the old one up meanwhile may just have remembered it
        forgetRecent(ownerKey, dataset);
        old.ifPresent(this::dropNow);
        obtain(ownerKey, dataset, client);
        return old;
    }

    /** Work on a learner's sandbox (connecting to it, running on it, reading its activity). */
    public interface SandboxWork<T> {
        T on(Sandbox sandbox) throws SQLException;
    }

    /**
     * Does the work on the learner's sandbox. The sandbox is remembered for a while, so one that was
     * replaced meanwhile (a reset through another tab or another app instance drops the old database
     * before it answers) makes the work fail: the database is gone (3D000), its role too (a failed
     * log-in), or the connection was ended by the drop (57P01). On any failure but an unreachable
     * server, the sandbox is looked up again; if it is another one, {@code forgetOld} is given the
     * old one and the work is done once more on the current one. Otherwise the failure stands.
     */
    public <T> T onCurrentSandbox(
            String ownerKey,
            Dataset dataset,
            String client,
            SandboxWork<T> work,
            java.util.function.Consumer<Sandbox> forgetOld)
            throws SQLException {
        Sandbox sandbox = sandboxFor(ownerKey, dataset, client);
        try {
            return work.on(sandbox);
        } catch (SQLException e) {
            if (SandboxServers.unreachable(e)) {
                throw e;
            }
            Optional<Sandbox> current = replacement(ownerKey, dataset, client, sandbox);
            if (current.isEmpty()) {
                throw e;
            }
            forgetOld.accept(sandbox);
            return work.on(current.get());
        }
    }

    /**
     * After work on {@code used} failed: the learner's current sandbox, looked up in the platform
     * database, if it is another one (a reset or a reclaim, maybe by another app instance, replaced
     * it); empty if {@code used} is still theirs, so the failure was not about that.
     */
    private Optional<Sandbox> replacement(String ownerKey, Dataset dataset, String client, Sandbox used) {
        Sandbox current = currentSandboxFor(ownerKey, dataset, client);
        return current.id().equals(used.id()) ? Optional.empty() : Optional.of(current);
    }

    /**
     * The learner's sandbox as the platform database has it now, for what is not on the hot path
     * and must not show a replaced one (the connection details a learner copies into psql).
     */
    public Sandbox currentSandboxFor(String ownerKey, Dataset dataset, String client) {
        forgetRecent(ownerKey, dataset);
        return sandboxFor(ownerKey, dataset, client);
    }

    /** Looks the learner's sandbox up in the platform database next time (it may have been replaced). */
    public void forgetRecent(String ownerKey, Dataset dataset) {
        recent.remove(ownerKey + "\n" + dataset.name());
    }

    /**
     * A pristine copy for one check: a ready one from the check pool when there is one (replaced
     * in the background once the check is done), else a new one made now; never one of the
     * learners' warm pool, which first runs need. It is recorded like any sandbox (owner
     * "scratch:…"), so one left behind by a crash is reclaimed as idle; {@link #discard} drops it,
     * so no copy is used twice.
     */
    @Override
    public Scratch take(Dataset dataset) {
        String ownerKey = "scratch:" + java.util.UUID.randomUUID();
        Optional<Sandbox> pooled = repository.claimReady(
                ownerKey, templates.templateName(dataset), SandboxRepository.Pool.CHECKS, downServerIds());
        Sandbox sandbox = pooled.orElseGet(() -> createFor(ownerKey, dataset));
        return new Scratch(sandbox, server(sandbox));
    }

    /**
     * This instance's read-only copy of the dataset, made on first use and replaced when the
     * dataset changed. Looked up (which marks it used) at most every {@link #RECENT}, so it is
     * reclaimed like any idle sandbox once this instance is gone.
     */
    @Override
    public Scratch readOnly(Dataset dataset) {
        String key = readOnlyOwner + "\n" + dataset.name();
        String template = templates.templateName(dataset);
        Known known = recent.get(key);
        if (known != null
                && known.sandbox().template().equals(template)
                && System.nanoTime() - known.seenNanos() < RECENT.toNanos()) {
            return new Scratch(known.sandbox(), server(known.sandbox()));
        }
        Sandbox copy = currentReadOnlyCopy(dataset, template);
        recent.put(key, new Known(copy, System.nanoTime()));
        return new Scratch(copy, server(copy));
    }

    /** One lock per dataset: a check on one dataset does not wait while another's copy is made. */
    private Sandbox currentReadOnlyCopy(Dataset dataset, String template) {
        synchronized (readOnlyCopyMaking.computeIfAbsent(dataset.name(), name -> new Object())) {
            return makeReadOnlyCopyIfNeeded(dataset, template);
        }
    }

    private Sandbox makeReadOnlyCopyIfNeeded(Dataset dataset, String template) {
        Optional<Sandbox> existing = repository.ownedBy(readOnlyOwner, dataset.name());
        if (existing.isPresent() && existing.get().template().equals(template)) {
            return existing.get();
        }
        existing.flatMap(old -> repository.release(readOnlyOwner, dataset.name()))
                .ifPresent(this::dropLater);
        Sandbox created = placed(
                dataset,
                "a read-only copy",
                "The lab could not prepare a copy of the data to grade on just now. Please try again in a minute.",
                server -> provisioner.createReadOnly(
                        server,
                        dataset,
                        ScratchDatabases.readOnlyConnections(properties.maxConcurrentChecks()),
                        properties.statementTimeout()));
        repository.insert(created, readOnlyOwner);
        return created;
    }

    /**
     * Drops the check's copy in the background, after replacing it in the check pool: the
     * replacement's CREATE DATABASE runs once the check is done, not beside it on the same cores.
     */
    @Override
    public void discard(Scratch scratch) {
        background(CHECK_POOL_TOP_UP, this::topUpCheckPool);
        if (repository.delete(scratch.sandbox().id())) {
            dropLater(scratch.sandbox());
        }
    }

    /**
     * Undoes what a learner did to their sandbox's role (a changed password, ALTER ROLE … SET), so
     * the lab and the connection details shown keep working.
     */
    public void repairRole(Sandbox sandbox) throws SQLException {
        provisioner.repairRole(server(sandbox), sandbox, properties.statementTimeout());
    }

    @Override
    public void repairRole(Scratch scratch) throws SQLException {
        repairRole(scratch.sandbox());
    }

    @Override
    public boolean closedForQuota(Scratch scratch) throws SQLException {
        return quotaGuard.closedForQuota(scratch.server(), scratch.sandbox());
    }

    public SandboxServer server(Sandbox sandbox) {
        return servers.byId(sandbox.serverId());
    }

    private Sandbox obtain(String ownerKey, Dataset dataset, String client) {
        Duration wait = rateLimiter.acquire(client);
        if (!wait.isZero()) {
            throw new SandboxUnavailableException(
                    SandboxUnavailableException.Reason.TOO_MANY_CREATIONS,
                    wait,
                    "You have started " + properties.creationsPerClientPerHour() + " fresh sandboxes in the last hour, "
                            + "the most allowed. Try again in " + Math.max(1, wait.toMinutes()) + " minute(s).");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return claimOrCreate(ownerKey, dataset);
            } catch (DuplicateKeyException e) {
                // another request of the same learner (a run racing a reset, two tabs) gave them a sandbox
                // first: the unique owner index refused ours, so use theirs
                Optional<Sandbox> theirs = repository.ownedBy(ownerKey, dataset.name());
                if (theirs.isPresent()) {
                    return theirs.get();
                }
                if (attempt == 3) {
                    throw e; // theirs went away again each time: not a race we can settle here
                }
            }
        }
    }

    /**
     * Gives the learner a ready sandbox from the warm pool or a new one, within the lab's capacity.
     * When the owner index refuses it (a learner's race, see {@link #obtain}), nothing is kept: a
     * failed claim leaves the pooled one in the pool, a refused new one is dropped.
     */
    private Sandbox claimOrCreate(String ownerKey, Dataset dataset) {
        String template = templates.templateName(dataset);
        Optional<Sandbox> ready =
                repository.claimReady(ownerKey, template, SandboxRepository.Pool.LEARNERS, downServerIds());
        if (ready.isPresent()) {
            // replace it soon rather than at the next scheduled check, but not while this learner's
            // first run competes with a CREATE DATABASE for the same two cores
            CompletableFuture.delayedExecutor(2, TimeUnit.SECONDS).execute(() -> background(TOP_UP, this::topUpPool));
            return ready.get();
        }
        return createFor(ownerKey, dataset);
    }

    /** A new sandbox for the owner, within the lab's capacity. */
    private Sandbox createFor(String ownerKey, Dataset dataset) {
        if (repository.total() >= properties.maxSandboxes()) {
            throw new SandboxUnavailableException(
                    SandboxUnavailableException.Reason.AT_CAPACITY,
                    CAPACITY_RETRY,
                    "The lab is at capacity, try again in a minute.");
        }
        Sandbox created = create(dataset);
        try {
            repository.insert(created, ownerKey);
        } catch (DuplicateKeyException e) {
            dropLater(created);
            throw e;
        }
        return created;
    }

    private Sandbox create(Dataset dataset) {
        return placed(
                dataset,
                "a sandbox",
                "The lab could not prepare a database for you just now. Please try again in a minute.",
                server -> provisioner.create(server, dataset, properties.statementTimeout()));
    }

    private interface Provision {
        Sandbox on(SandboxServer server) throws SQLException;
    }

    /**
     * Makes a new database on the least-loaded server that is neither draining nor down; a server
     * that turns out unreachable is marked down and the next one tried, so a server that just went
     * away costs one connect timeout, not the learner's sandbox.
     */
    private Sandbox placed(Dataset dataset, String what, String failedMessage, Provision provision) {
        for (SandboxServer server : placementOrder()) {
            try {
                long start = System.nanoTime();
                Sandbox created = provisioning(server, provision);
                metrics.created(server, System.nanoTime() - start);
                return created;
            } catch (SQLException e) {
                if (!SandboxServers.unreachable(e)) {
                    log.error("Could not create {} of dataset {} on {}", what, dataset.name(), server.id(), e);
                    throw new SandboxUnavailableException(
                            SandboxUnavailableException.Reason.SERVER_ERROR, CAPACITY_RETRY, failedMessage);
                }
                log.warn(
                        "Could not create {} of dataset {}: {} cannot be reached ({})",
                        what,
                        dataset.name(),
                        server.id(),
                        e.getMessage());
                servers.markDown(server, "it cannot be reached (" + e.getMessage() + ")");
            }
        }
        throw new SandboxUnavailableException(
                SandboxUnavailableException.Reason.SERVER_DOWN,
                SERVER_RETRY,
                "None of the lab's database servers can be reached right now, so no new sandbox can be made. "
                        + "Please try again in a minute.");
    }

    /** Makes the sandbox, counted as under way on its server meanwhile (see {@link #placementOrder}). */
    private Sandbox provisioning(SandboxServer server, Provision provision) throws SQLException {
        java.util.concurrent.atomic.AtomicInteger underway =
                creating.computeIfAbsent(server.id(), id -> new java.util.concurrent.atomic.AtomicInteger());
        underway.incrementAndGet();
        try {
            return provision.on(server);
        } finally {
            underway.decrementAndGet();
        }
    }

    /**
     * The servers a new sandbox may go to, least loaded first: not draining (an operator's choice,
     * read from the platform database: placing is rare beside runs) and not down (this instance's
     * knowledge). None: 503 saying why.
     */
    private List<SandboxServer> placementOrder() {
        Map<String, Integer> counts = new java.util.HashMap<>(repository.countsByServer());
        // a burst of first runs reads the same counts: those being made here count too, or all go to one server
        creating.forEach((server, underway) -> counts.merge(server, underway.get(), Integer::sum));
        java.util.Set<String> drained = draining.drainingIds();
        List<SandboxServer> all = servers.all();
        List<SandboxServer> usable = all.stream()
                .filter(server -> !drained.contains(server.id()) && !servers.isDown(server))
                .sorted(Comparator.comparingInt(server -> counts.getOrDefault(server.id(), 0)))
                .toList();
        if (usable.isEmpty()) {
            long drainedCount =
                    all.stream().filter(server -> drained.contains(server.id())).count();
            log.warn(
                    "No sandbox server can take a new sandbox: draining {}, down {}",
                    drained,
                    all.stream().filter(servers::isDown).map(SandboxServer::id).toList());
            if (drainedCount == 0 && all.stream().allMatch(servers::restarting)) {
                throw servers.unavailable(); // the embedded cluster, back in a few seconds
            }
            throw new SandboxUnavailableException(
                    SandboxUnavailableException.Reason.SERVER_DOWN,
                    SERVER_RETRY,
                    "No database server of the lab can take a new sandbox right now (" + drainedCount + " of "
                            + all.size() + " taken out of service by the operator, the others cannot be reached). "
                            + "Please try again in a minute.");
        }
        return usable;
    }

    /** Ready copies on these servers are not handed out: their learner could not use them. */
    private List<String> downServerIds() {
        return servers.all().stream()
                .filter(servers::isDown)
                .map(SandboxServer::id)
                .toList();
    }

    @EventListener(ApplicationReadyEvent.class)
    void fillPoolAtStart() {
        background(TOP_UP, this::topUpPool);
        background(CHECK_POOL_TOP_UP, this::topUpCheckPool);
    }

    /**
     * Keeps {@code warmPoolSize} ready sandboxes for every dataset a lesson uses, then the check
     * pool full: learners' first runs come first when capacity is short.
     */
    @Scheduled(fixedDelayString = "${netverks.lab.pool-check-interval:15s}", initialDelayString = "30s")
    void scheduledTopUp() {
        background(TOP_UP, this::topUpPool);
        background(CHECK_POOL_TOP_UP, this::topUpCheckPool);
    }

    private void topUpPool() {
        for (Dataset dataset : datasetsInUse()) {
            String template = templates.templateName(dataset);
            int missing = properties.warmPoolSize() - repository.readyCount(template, SandboxRepository.Pool.LEARNERS);
            for (int i = 0; i < missing && repository.total() < properties.maxSandboxes(); i++) {
                try {
                    repository.insertReady(create(dataset));
                } catch (SandboxUnavailableException e) {
                    return; // already logged; the next check tries again
                }
            }
        }
    }

    /**
     * Tops the check pool up on the maintenance thread; the future completes when that is done.
     * It also runs after every check ({@link #discard}) and every {@code pool-check-interval}.
     */
    java.util.concurrent.Future<?> topUpCheckPoolNow() {
        try {
            return maintenance.submit(() -> BackgroundWork.run(log, CHECK_POOL_TOP_UP, this::topUpCheckPool));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return CompletableFuture.completedFuture(null); // shutting down
        }
    }

    /**
     * Keeps {@code checkPoolSize} pristine copies ready for every dataset that checks grade on fresh
     * copies, within {@code maxSandboxes}. The pool is bounded across app instances: a copy made
     * while another instance filled the last place is dropped, not recorded.
     */
    private void topUpCheckPool() {
        int size = properties.checkPool();
        for (Dataset dataset : datasetsCheckedOnFreshCopies()) {
            String template = templates.templateName(dataset);
            int missing = size - repository.readyCount(template, SandboxRepository.Pool.CHECKS);
            for (int i = 0; i < missing && repository.total() < properties.maxSandboxes(); i++) {
                Sandbox copy;
                try {
                    copy = create(dataset);
                } catch (SandboxUnavailableException e) {
                    return; // already logged; the next top-up tries again
                }
                if (!repository.insertForChecks(copy, size)) {
                    drop(copy);
                    break;
                }
            }
        }
    }

    @Scheduled(fixedDelayString = "${netverks.lab.reclaim-check-interval:60s}", initialDelayString = "60s")
    void scheduledReclaim() {
        reclaimIdle();
    }

    private void markUsedByLearners() {
        List<java.util.UUID> used = List.copyOf(usedSinceReclaim);
        usedSinceReclaim.removeAll(used);
        repository.markUsed(used);
    }

    /**
     * Drops sandboxes idle past {@code idleReclaim} and pooled ones made from an outdated dataset,
     * on the maintenance thread; the future completes when that is done.
     */
    java.util.concurrent.Future<?> reclaimIdle() {
        try {
            return maintenance.submit(() -> BackgroundWork.run(log, "Idle sandbox reclaim", this::reclaim));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return CompletableFuture.completedFuture(null); // shutting down
        }
    }

    private void reclaim() {
        markUsedByOutsideClients();
        markUsedByLearners();
        List<String> current =
                datasetsInUse().stream().map(templates::templateName).toList();
        List<String> checked = datasetsCheckedOnFreshCopies().stream()
                .map(templates::templateName)
                .toList();
        for (Sandbox sandbox : repository.reclaimable(properties.idleReclaim(), current, checked)) {
            if (repository.delete(sandbox.id())) {
                recent.values().removeIf(known -> known.sandbox().id().equals(sandbox.id()));
                drop(sandbox);
            }
        }
    }

    /**
     * A learner working only in their own psql or Python uses their sandbox as much as one in the
     * lab: a client connected now, or since the last check, counts as use.
     */
    private void markUsedByOutsideClients() {
        for (SandboxServer server : servers.all()) {
            if (servers.isDown(server)) {
                continue; // its sandboxes cannot be used meanwhile; the probe says when it is back
            }
            try {
                repository.markUsed(server.id(), outsideClients.inUse(server));
            } catch (SQLException e) {
                log.warn(
                        "Could not ask {} which sandboxes have clients connected ({}); only use through the lab"
                                + " keeps its sandboxes this time",
                        server.id(),
                        e.getMessage());
            }
        }
    }

    private List<Dataset> datasetsInUse() {
        return catalog.current().tracks().stream()
                .flatMap(track -> track.steps().stream())
                .filter(step -> step.available() && step.lesson().dataset() != null)
                .map(step -> step.lesson().dataset())
                .distinct()
                .map(name -> catalog.current().dataset(name).orElseThrow())
                .toList();
    }

    /**
     * The datasets data-changing checks (and plan checks) of available lessons need fresh copies of:
     * only these get a check pool, so query-only datasets, graded on shared read-only copies, cost nothing.
     */
    private List<Dataset> datasetsCheckedOnFreshCopies() {
        var current = catalog.current();
        return current.tracks().stream()
                .flatMap(track -> track.steps().stream())
                .filter(step -> step.available())
                .flatMap(step -> step.lesson().exercises().stream())
                .flatMap(exercise -> exercise.datasetsCheckedOnFreshCopies().stream())
                .distinct()
                .flatMap(name -> current.dataset(name).stream())
                .toList();
    }

    /**
     * Drops a replaced sandbox now. When its server cannot be reached, it is recorded again under an
     * owner nobody has, so the idle reclaim drops it once the server is back.
     */
    private void dropNow(Sandbox sandbox) {
        try {
            SandboxProvisioner.drop(server(sandbox), sandbox.database(), sandbox.role());
        } catch (SQLException | IllegalStateException e) {
            log.warn(
                    "Could not drop replaced sandbox {} on {} now ({}); the idle reclaim drops it later",
                    sandbox.database(),
                    sandbox.serverId(),
                    e.getMessage());
            repository.insert(sandbox, "replaced:" + sandbox.id());
        }
    }

    private void dropLater(Sandbox sandbox) {
        background("Dropping a sandbox", () -> drop(sandbox));
    }

    /** Runs maintenance on its thread; after shutdown there is none left to do. */
    private void background(String what, Runnable task) {
        try {
            maintenance.execute(() -> BackgroundWork.run(log, what, task));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // shutting down
        }
    }

    /** Lets a sandbox being created finish before the servers go away (they are destroyed after us). */
    @jakarta.annotation.PreDestroy
    void stopMaintenance() throws InterruptedException {
        maintenance.shutdown();
        if (!maintenance.awaitTermination(10, TimeUnit.SECONDS)) {
            maintenance.shutdownNow();
        }
    }

    private void drop(Sandbox sandbox) {
        try {
            SandboxProvisioner.drop(server(sandbox), sandbox.database(), sandbox.role());
        } catch (SQLException | IllegalStateException e) {
            log.warn("Could not drop sandbox {} on {}: {}", sandbox.database(), sandbox.serverId(), e.getMessage());
        }
    }
}
