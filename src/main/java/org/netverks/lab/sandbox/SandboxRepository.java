package org.netverks.lab.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which sandboxes exist and who has them, in the platform database (shared by every app instance). */
@Repository
class SandboxRepository {

    private static final RowMapper<Sandbox> SANDBOX = (row, n) -> new Sandbox(
            row.getObject("id", UUID.class),
            row.getString("server_id"),
            row.getString("dataset"),
            row.getString("template"),
            row.getString("database_name"),
            row.getString("role_name"),
            row.getString("role_password"));

    /** The two pools of ready sandboxes (see V10__check_pool.sql): learners' first runs, and checks. */
    enum Pool {
        LEARNERS,
        CHECKS;

        String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final JdbcClient jdbc;
    private final org.springframework.transaction.support.TransactionTemplate transaction;

    SandboxRepository(JdbcClient jdbc, org.springframework.transaction.PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
    }

    Optional<Sandbox> ownedBy(String ownerKey, String dataset) {
        return jdbc.sql(
                        """
                update lab_sandbox set last_used_at = now()
                where owner_key = :owner and dataset = :dataset
                returning *""")
                .param("owner", ownerKey)
                .param("dataset", dataset)
                .query(SANDBOX)
                .optional();
    }

    /** The learner's sandbox for this dataset, if they have one (a read: runs mark it used in batches). */
    Optional<Sandbox> findOwned(String ownerKey, String dataset) {
        return jdbc.sql("select * from lab_sandbox where owner_key = :owner and dataset = :dataset")
                .param("owner", ownerKey)
                .param("dataset", dataset)
                .query(SANDBOX)
                .optional();
    }

    /** Marks these sandboxes used now (this instance's learners ran something in them). */
    void markUsed(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("update lab_sandbox set last_used_at = now() where id = any(:ids)")
                .param("ids", ids.toArray(UUID[]::new))
                .update();
    }

    /** Marks these learners' sandboxes on this server as used now (learners' own clients were seen there). */
    void markUsed(String serverId, java.util.Collection<String> databases) {
        if (databases.isEmpty()) {
            return;
        }
        jdbc.sql(
                        """
                update lab_sandbox set last_used_at = now()
                where server_id = :server and database_name = any(:databases) and owner_key is not null""")
                .param("server", serverId)
                .param("databases", databases.toArray(String[]::new))
                .update();
    }

    /**
     * Takes a ready sandbox of this template from the pool in one statement: SKIP LOCKED lets two
     * app instances claiming at once each get a different one, never the same.
     */
    Optional<Sandbox> claimReady(String ownerKey, String template, Pool pool) {
        return jdbc.sql(
                        """
                update lab_sandbox set owner_key = :owner, claimed_at = now(), last_used_at = now()
                where id = (select id from lab_sandbox where owner_key is null and pool = :pool and template = :template
                            order by created_at limit 1 for update skip locked)
                returning *""")
                .param("owner", ownerKey)
                .param("pool", pool.column())
                .param("template", template)
                .query(SANDBOX)
                .optional();
    }

    /** Records a sandbox made for an owner (a learner, or a check's scratch copy). */
    void insert(Sandbox sandbox, String ownerKey) {
        insert(sandbox, ownerKey, Pool.LEARNERS);
    }

    /** Records a ready sandbox in the learners' warm pool. */
    void insertReady(Sandbox sandbox) {
        insert(sandbox, null, Pool.LEARNERS);
    }

    /**
     * Records a ready copy in the check pool unless that already holds {@code size} of its template;
     * false: it was full (another app instance filled it meanwhile) and the copy is not recorded. The
     * transaction-scoped lock on the template makes the count and the insert one step across instances.
     */
    boolean insertForChecks(Sandbox sandbox, int size) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtext('lab_sandbox check pool ' || :template))")
                    .param("template", sandbox.template())
                    .query()
                    .singleRow();
            if (readyCount(sandbox.template(), Pool.CHECKS) >= size) {
                return false;
            }
            insert(sandbox, null, Pool.CHECKS);
            return true;
        }));
    }

    private void insert(Sandbox sandbox, String ownerKey, Pool pool) {
        jdbc.sql(
                        """
                insert into lab_sandbox (id, server_id, dataset, template, database_name, role_name, role_password,
                                         owner_key, claimed_at, pool)
                values (:id, :server, :dataset, :template, :database, :role, :password, :owner,
                        case when :claimed then now() end, :pool)""")
                .param("id", sandbox.id())
                .param("server", sandbox.serverId())
                .param("dataset", sandbox.dataset())
                .param("template", sandbox.template())
                .param("database", sandbox.database())
                .param("role", sandbox.role())
                .param("password", sandbox.password())
                .param("owner", ownerKey)
                .param("claimed", ownerKey != null)
                .param("pool", pool.column())
                .update();
    }

    /** Gives up the learner's current sandbox (for a reset); returns it so it can be dropped. */
    Optional<Sandbox> release(String ownerKey, String dataset) {
        return jdbc.sql("delete from lab_sandbox where owner_key = :owner and dataset = :dataset returning *")
                .param("owner", ownerKey)
                .param("dataset", dataset)
                .query(SANDBOX)
                .optional();
    }

    boolean delete(UUID id) {
        return jdbc.sql("delete from lab_sandbox where id = :id")
                        .param("id", id)
                        .update()
                == 1;
    }

    int total() {
        return jdbc.sql("select count(*) from lab_sandbox").query(Integer.class).single();
    }

    int readyCount(String template, Pool pool) {
        return jdbc.sql(
                        "select count(*) from lab_sandbox where owner_key is null and pool = :pool and template = :template")
                .param("pool", pool.column())
                .param("template", template)
                .query(Integer.class)
                .single();
    }

    Map<String, Integer> countsByServer() {
        return jdbc
                .sql("select server_id, count(*) from lab_sandbox group by server_id")
                .query((row, n) -> Map.entry(row.getString(1), row.getInt(2)))
                .list()
                .stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** How many sandboxes there are of one server, dataset, pool and state (see {@link SandboxMetrics}). */
    record CensusRow(String server, String dataset, String pool, String state, int count) {}

    /**
     * Every sandbox counted in one statement by server, dataset, pool and state: {@code ready}
     * (unclaimed, in its pool), {@code checking} (a check's copy), {@code read_only} (an instance's
     * grading copy) or {@code learner} (a learner's own).
     */
    List<CensusRow> census() {
        return jdbc.sql(
                        """
                select server_id, dataset, pool,
                       case when owner_key is null then 'ready'
                            when owner_key like 'scratch:%' then 'checking'
                            when owner_key like 'grader:%' then 'read_only'
                            else 'learner' end as state,
                       count(*) as sandboxes
                from lab_sandbox
                group by 1, 2, 3, 4""")
                .query((row, n) -> new CensusRow(
                        row.getString("server_id"),
                        row.getString("dataset"),
                        row.getString("pool"),
                        row.getString("state"),
                        row.getInt("sandboxes")))
                .list();
    }

    /**
     * Claimed sandboxes idle for longer than {@code idle}, and ready ones nobody will claim: in the
     * learners' pool of templates no lesson uses now, in the check pool of templates no check uses now.
     */
    List<Sandbox> reclaimable(Duration idle, List<String> currentTemplates, List<String> checkedTemplates) {
        return jdbc.sql(
                        """
                select * from lab_sandbox
                where (owner_key is not null and last_used_at < now() - make_interval(secs => :idle))
                   or (owner_key is null and pool = 'learners' and not (template = any(:templates)))
                   or (owner_key is null and pool = 'checks' and not (template = any(:checked)))""")
                .param("idle", idle.toSeconds())
                .param("templates", currentTemplates.toArray(String[]::new))
                .param("checked", checkedTemplates.toArray(String[]::new))
                .query(SANDBOX)
                .list();
    }
}
