package org.netverks.lab.sandbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.netverks.content.Dataset;
import org.springframework.stereotype.Component;

/**
 * Creates and drops sandboxes on a server. A sandbox is a database cloned from the dataset's
 * template plus a login role of its own: the role owns the objects inside but not the database
 * (an owner could lift its connection limit), and nobody else may connect. Every schema of the
 * dataset is handed over or opened like {@code public}, and the database looks names up along the
 * dataset's {@code search_path}.
 */
@Component
class SandboxProvisioner {

    private static final int LEARNER_CONNECTIONS = 4;

    private final DatasetTemplates templates;

    SandboxProvisioner(DatasetTemplates templates) {
        this.templates = templates;
    }

    /**
     * A learner's sandbox (or a fresh copy for one check): the role owns everything the dataset
     * made, its schemas included, and may create schemas and trusted extensions (CREATE on the
     * database, which is what PostgreSQL asks for both) and temporary tables. What it cannot touch:
     * the extensions the platform created and the platform's {@code lab} schema, both the admin's.
     */
    Sandbox create(SandboxServer server, Dataset dataset, java.time.Duration statementTimeout) throws SQLException {
        return provision(server, dataset, false, LEARNER_CONNECTIONS, statementTimeout);
    }

    /**
     * A copy of the dataset that a role may only read: the objects stay with the dataset owner, the
     * role gets USAGE on every dataset schema and SELECT on its tables, views and sequences (which
     * lets it read a sequence, not advance it) and nothing else (no CREATE, no TEMPORARY), so the
     * copy stays pristine whatever runs there, and many checks can share it. Functions and types
     * need nothing more: PostgreSQL lets everyone execute and use them unless the dataset revoked it.
     */
    Sandbox createReadOnly(
            SandboxServer server, Dataset dataset, int connectionLimit, java.time.Duration statementTimeout)
            throws SQLException {
        return provision(server, dataset, true, connectionLimit, statementTimeout);
    }

    private Sandbox provision(
            SandboxServer server,
            Dataset dataset,
            boolean readOnly,
            int connectionLimit,
            java.time.Duration statementTimeout)
            throws SQLException {
        String template = templates.ensure(server, dataset);
        String suffix = Secrets.nameSuffix();
        String database = Secrets.checkedIdentifier((readOnly ? "gr_" : "sb_") + suffix);
        String role = Secrets.checkedIdentifier((readOnly ? "gu_" : "lr_") + suffix);
        String password = Secrets.checkedPassword(Secrets.password());
        try (Connection admin = AdminConnections.open(server, "postgres")) {
            cheapPasswordHash(admin);
            DatasetTemplates.execute(
                    admin,
                    "create role " + role + " login password '" + password + "'"
                            + " nosuperuser nocreatedb nocreaterole noreplication nobypassrls noinherit connection limit "
                            + connectionLimit);
            DatasetTemplates.execute(admin, "create database " + database + " template " + template);
            DatasetTemplates.execute(admin, "revoke all on database " + database + " from public");
            DatasetTemplates.execute(
                    admin,
                    "grant connect" + (readOnly ? "" : ", temporary, create") + " on database " + database + " to "
                            + role);
            DatasetTemplates.execute(admin, "alter database " + database + " connection limit " + connectionLimit);
        } catch (SQLException e) {
            drop(server, database, role);
            throw e;
        }
        try (Connection admin = AdminConnections.open(server, database)) {
            if (readOnly) {
                grantReading(admin, role);
            } else {
                DatasetTemplates.execute(admin, "reassign owned by " + DatasetTemplates.DATASET_OWNER + " to " + role);
                DatasetTemplates.execute(admin, "grant usage, create on schema public to " + role);
            }
            applySearchPath(admin, database, dataset);
            // last: a read-only default would apply to our own next connection too
            applySessionDefaults(admin, database, readOnly, statementTimeout);
        } catch (SQLException e) {
            drop(server, database, role);
            throw e;
        }
        return new Sandbox(UUID.randomUUID(), server.id(), dataset.name(), template, database, role, password);
    }

    /**
     * USAGE and SELECT on every schema in the copy but PostgreSQL's own and the platform's
     * {@code lab} (which everyone may already read): the dataset's schemas and {@code public}.
     */
    private static void grantReading(Connection admin, String role) throws SQLException {
        DatasetTemplates.executeFormatted(
                admin,
                """
                select pg_catalog.format(s.statement, n.nspname, ?)
                from pg_catalog.pg_namespace n,
                     (values ('grant usage on schema %I to %I'),
                             ('grant select on all tables in schema %I to %I'),
                             ('grant select on all sequences in schema %I to %I')) s(statement)
                where n.nspname not like 'pg\\_%' and n.nspname not in ('information_schema', ?)""",
                role,
                DatasetTemplates.LAB_SCHEMA);
    }

    /**
     * The dataset's {@code search_path} as the database's default, so every session finds
     * {@code members} in {@code cd} as it would in {@code public}: the lab's, the grader's and the
     * learner's own psql alike. CREATE DATABASE … TEMPLATE does not copy database settings, hence
     * on every clone. The list is quoted by PostgreSQL ({@code quote_ident}). A dataset that only
     * uses public keeps PostgreSQL's default, which lessons show as it is on any server.
     */
    private static void applySearchPath(Connection admin, String database, Dataset dataset) throws SQLException {
        if (dataset.searchPath().isEmpty() || dataset.searchPath().equals(List.of("public"))) {
            return; // PostgreSQL's own default ("$user", public), as on a learner's own server
        }
        String schemas;
        try (PreparedStatement quote =
                admin.prepareStatement("select pg_catalog.string_agg(pg_catalog.quote_ident(s), ', ' order by o)"
                        + " from pg_catalog.unnest(?::text[]) with ordinality u(s, o)")) {
            quote.setArray(1, admin.createArrayOf("text", dataset.searchPath().toArray()));
            try (ResultSet rows = quote.executeQuery()) {
                rows.next();
                schemas = rows.getString(1);
            }
        }
        DatasetTemplates.execute(admin, "alter database " + database + " set search_path = " + schemas);
    }

    /**
     * SCRAM's iteration count slows down guessing a weak password; ours are 24 random characters
     * (over 140 bits), so the default 4096 iterations only add milliseconds to every learner's
     * log-in. PostgreSQL 16 and later let us lower it for the roles we create.
     */
    private static void cheapPasswordHash(Connection admin) {
        try {
            DatasetTemplates.execute(admin, "set scram_iterations = 256");
        } catch (SQLException e) {
            // an older server: keep its default
        }
    }

    /**
     * Session defaults for the sandbox's connections, set on the database (which the admin owns),
     * not on the role: any role may ALTER ROLE itself SET …, so a role-level setting is the learner's
     * own doing ({@code SandboxConnection} repairs it). Only a backstop for the learner's own clients,
     * which may SET them otherwise for their session; lab runs are cancelled by the lab itself.
     */
    private static void applySessionDefaults(
            Connection admin, String database, boolean readOnly, java.time.Duration statementTimeout)
            throws SQLException {
        DatasetTemplates.execute(
                admin,
                "alter database " + database + " set statement_timeout = '" + (statementTimeout.toMillis() * 2)
                        + "ms'");
        DatasetTemplates.execute(
                admin, "alter database " + database + " set idle_in_transaction_session_timeout = '60s'");
        if (readOnly) {
            DatasetTemplates.execute(admin, "alter database " + database + " set default_transaction_read_only = on");
        }
    }

    /**
     * Puts the sandbox's role back as it was made: the recorded password and no role-level settings
     * (a learner may change both for their own role, and cannot be stopped from it). Its LOGIN right
     * is left as it is: the disk quota takes that away on purpose.
     */
    void repairRole(SandboxServer server, Sandbox sandbox, java.time.Duration statementTimeout) throws SQLException {
        String role = Secrets.checkedIdentifier(sandbox.role());
        String database = Secrets.checkedIdentifier(sandbox.database());
        try (Connection admin = AdminConnections.open(server, "postgres")) {
            cheapPasswordHash(admin);
            DatasetTemplates.execute(
                    admin, "alter role " + role + " password '" + Secrets.checkedPassword(sandbox.password()) + "'");
            DatasetTemplates.execute(admin, "alter role " + role + " reset all");
            DatasetTemplates.execute(admin, "alter role " + role + " in database " + database + " reset all");
            // sandboxes made before the defaults moved to the database get them there now
            applySessionDefaults(admin, database, role.startsWith("gu_"), statementTimeout);
        }
    }

    static void drop(SandboxServer server, String database, String role) throws SQLException {
        try (Connection admin = AdminConnections.open(server, "postgres")) {
            DatasetTemplates.execute(
                    admin, "drop database if exists " + Secrets.checkedIdentifier(database) + " with (force)");
            DatasetTemplates.execute(admin, "drop role if exists " + Secrets.checkedIdentifier(role));
        }
    }
}
