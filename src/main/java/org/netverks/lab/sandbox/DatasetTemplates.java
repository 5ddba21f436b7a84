package org.netverks.lab.sandbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.netverks.content.Dataset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One template database per dataset version on each server; sandboxes are cloned from it.
 * The template is loaded as a role that owns nothing else, hardened, and then closed to
 * connections so that cloning never waits.
 */
@Component
class DatasetTemplates {

    /** Owns the dataset's objects in a template; in a clone they are handed to the learner. */
    static final String DATASET_OWNER = "netverks_dataset_owner";

    private static final Logger log = LoggerFactory.getLogger(DatasetTemplates.class);

    /**
     * Bumped whenever {@link #harden} changes: the template name changes with it, so templates
     * (and pooled sandboxes) hardened the old way are replaced rather than cloned on.
     */
    private static final String HARDENING = "hardening 3: extensions, the lab schema with lab.my_sessions";

    /**
     * The platform's own schema in every template, owned by the admin (not the dataset owner, so
     * {@code reassign owned by} never hands it to a learner): learners may read what is in it and
     * change nothing there.
     */
    static final String LAB_SCHEMA = "lab";

    String templateName(Dataset dataset) {
        String version = Dataset.digest(dataset.fingerprint(), HARDENING).substring(0, 12);
        return Secrets.checkedIdentifier("tpl_" + dataset.name().replace('-', '_') + "_" + version);
    }

    /**
     * One lock per template and server, not one for all: the warm pool loads every dataset's
     * template after start, one after another, and a learner whose template exists already must not
     * wait behind those loads (a large dataset takes many seconds) for their sandbox.
     */
    private final ConcurrentMap<String, Object> making = new ConcurrentHashMap<>();

    /** The template for this dataset on this server, made on first use. */
    String ensure(SandboxServer server, Dataset dataset) throws SQLException {
        String template = templateName(dataset);
        synchronized (making.computeIfAbsent(server.id() + "/" + template, key -> new Object())) {
            return ensure(server, dataset, template);
        }
    }

    private static String ensure(SandboxServer server, Dataset dataset, String template) throws SQLException {
        try (Connection admin = AdminConnections.open(server, "postgres")) {
            if (databaseExists(admin, template)) {
                return template;
            }
            prepareCluster(admin);
            String loading = Secrets.checkedIdentifier("tpl_loading_" + Secrets.nameSuffix());
            execute(admin, "create database " + loading + " template template0 encoding 'UTF8'");
            try {
                load(server, loading, dataset);
                execute(admin, "alter database " + loading + " rename to " + template);
            } catch (SQLException e) {
                execute(admin, "drop database if exists " + loading + " with (force)");
                throw new SQLException("the dataset '" + dataset.name() + "' does not load: " + e.getMessage(), e);
            }
            execute(admin, "revoke all on database " + template + " from public");
            execute(admin, "alter database " + template + " with allow_connections false");
            log.info("Created template {} for dataset {} on {}", template, dataset.name(), server.id());
            return template;
        }
    }

    /**
     * Cluster-wide rules, idempotent: nobody but us connects to the maintenance databases. One at a
     * time, since two templates may be made at once and CREATE ROLE is not.
     */
    private static synchronized void prepareCluster(Connection admin) throws SQLException {
        execute(admin, "revoke connect on database postgres from public");
        execute(admin, "revoke connect on database template1 from public");
        try (ResultSet exists = admin.createStatement()
                .executeQuery("select 1 from pg_roles where rolname = '" + DATASET_OWNER + "'")) {
            if (!exists.next()) {
                execute(admin, "create role " + DATASET_OWNER + " nologin");
            }
        }
    }

    private static void load(SandboxServer server, String database, Dataset dataset) throws SQLException {
        try (Connection connection = AdminConnections.open(server, database)) {
            execute(connection, "revoke all on schema public from public");
            execute(connection, "grant usage, create on schema public to " + DATASET_OWNER);
            // CREATE on the database while loading only, so a dataset may CREATE SCHEMA cd
            execute(connection, "grant create on database " + database + " to " + DATASET_OWNER);
            createExtensions(connection, dataset);
            createLabSchema(connection);
            execute(connection, "set session authorization " + DATASET_OWNER);
            DatasetScriptRunner.run(connection, dataset);
            execute(connection, "reset session authorization");
            execute(connection, "revoke create on database " + database + " from " + DATASET_OWNER);
            execute(connection, "revoke create on schema public from " + DATASET_OWNER);
            harden(connection);
        }
    }

    /**
     * The dataset's extensions, created by the admin in {@code public} before the first script, so
     * that the dataset's scripts (and later the learners, who get USAGE on public) can use them. The
     * admin owns them: a learner cannot drop or alter them. Names are quoted by PostgreSQL itself
     * ({@code format('%I')}), since some need quotes ({@code uuid-ossp}); that only trusted contrib
     * extensions are listed is the content loader's check.
     */
    private static void createExtensions(Connection connection, Dataset dataset) throws SQLException {
        for (String extension : dataset.extensions()) {
            executeFormatted(
                    connection,
                    "select pg_catalog.format('create extension if not exists %I schema public cascade', ?)",
                    extension);
        }
    }

    /**
     * Schema {@value #LAB_SCHEMA} with the view {@code lab.my_sessions}: the columns of
     * pg_stat_activity for the backends of the role that logged in ({@code session_user}) and no
     * other, so a lesson can show a learner their own sessions while {@link #harden} keeps everyone
     * else's hidden. The view reads through a SECURITY DEFINER function owned by the admin, who may
     * read pg_stat_activity; its {@code search_path} is fixed to pg_catalog (pg_temp last) so
     * nothing a learner creates can stand in for what it calls. Made before the dataset's scripts,
     * so a dataset that wants a schema of that name is told so at the line that creates it.
     */
    private static void createLabSchema(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("create schema " + LAB_SCHEMA);
            statement.execute("grant usage on schema " + LAB_SCHEMA + " to public");
            statement.execute(
                    """
                    create function lab.my_sessions_rows() returns setof pg_catalog.pg_stat_activity
                    language sql stable security definer set search_path = pg_catalog, pg_temp
                    as $$ select * from pg_catalog.pg_stat_activity a where a.usename = session_user $$""");
            statement.execute("create view lab.my_sessions as select * from lab.my_sessions_rows()");
            statement.execute("grant select on lab.my_sessions to public");
        }
    }

    /**
     * Runs every statement that {@code query} returns (one per row) for the given parameters:
     * PostgreSQL quotes the names in them ({@code format('%I')}, {@code quote_ident}), so a name
     * from content or from the catalog never reaches SQL unquoted.
     */
    static void executeFormatted(Connection connection, String query, String... parameters) throws SQLException {
        List<String> statements = new ArrayList<>();
        try (PreparedStatement format = connection.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                format.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = format.executeQuery()) {
                while (rows.next()) {
                    statements.add(rows.getString(1));
                }
            }
        }
        for (String sql : statements) {
            execute(connection, sql);
        }
    }

    /**
     * Per-database rules that every clone inherits. Advisory locks live in one shared table:
     * ~12,500 of them exhausted it and stopped every new connection in the cluster. The views
     * revoked here would show other learners' sessions (who is connected, when, from where, with
     * which application name), settings and statistics.
     * <p>
     * pg_database, pg_roles, pg_user, pg_group, pg_auth_members and pg_shdescription stay readable:
     * a learner's own psql needs them for \d, \l, \du and \dp, and all they show of others is
     * names that are random by design (sb_x, lr_x) and role attributes that are the same for every
     * learner. Hiding them would hide nothing: {@code 16384::regrole} names a role from its oid
     * alone. Passwords stay in pg_authid, which only superusers read (pg_roles shows ********).
     */
    private static void harden(Connection connection) throws SQLException {
        List<String> functions = new ArrayList<>();
        try (ResultSet rows = connection
                .createStatement()
                .executeQuery(
                        """
                select p.oid::regprocedure::text from pg_proc p
                where p.pronamespace = 'pg_catalog'::regnamespace
                  and (p.proname like 'pg\\_advisory%' or p.proname like 'pg\\_try\\_advisory%'
                       or p.proname in ('pg_stat_get_activity', 'pg_lock_status', 'pg_blocking_pids',
                                        'pg_safe_snapshot_blocking_pids', 'pg_stat_get_backend_idset'))
                """)) {
            while (rows.next()) {
                functions.add(rows.getString(1));
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String function : functions) {
                // names come from pg_proc itself, not from any input
                statement.addBatch("revoke execute on function " + function + " from public");
            }
            for (String view : List.of(
                    "pg_db_role_setting",
                    "pg_stat_activity",
                    "pg_stat_database",
                    "pg_stat_database_conflicts",
                    "pg_locks",
                    "pg_stat_ssl",
                    "pg_stat_gssapi",
                    "pg_prepared_xacts",
                    "pg_stat_replication",
                    "pg_replication_slots",
                    "pg_stat_subscription",
                    "pg_seclabels",
                    "pg_shseclabel",
                    "pg_stat_progress_vacuum",
                    "pg_stat_progress_create_index")) {
                statement.addBatch("revoke select on pg_catalog." + view + " from public");
            }
            statement.executeBatch();
        }
    }

    private static boolean databaseExists(Connection admin, String name) throws SQLException {
        try (PreparedStatement query = admin.prepareStatement("select 1 from pg_database where datname = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
