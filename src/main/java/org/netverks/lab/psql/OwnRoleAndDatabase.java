package org.netverks.lab.psql;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.netverks.lab.shared.DisplaySettings;

/**
 * \du (and \dg) and \l, as psql 17's describeRoles() and listAllDbs() print them, narrowed to what
 * is the learner's own. Roles and databases belong to the whole sandbox server, so psql would list
 * every other learner's sandbox and role and the platform's admin role; the lab lists only the
 * learner's role ({@code current_user}), PostgreSQL's predefined {@code pg_} roles (the same on
 * every server) where psql lists them, and the learner's database ({@code current_database()}).
 * A pattern naming anything else finds nothing. The tables stay exactly as psql lays them out,
 * without a note: \? says what the lab lists.
 */
final class OwnRoleAndDatabase {

    private static final String OWN_OR_PREDEFINED_ROLE =
            "(r.rolname = CURRENT_USER OR r.rolname OPERATOR(pg_catalog.~) '^pg_')";

    private OwnRoleAndDatabase() {}

    static String roles(
            CatalogReader catalogs,
            Optional<String> pattern,
            boolean verbose,
            boolean showSystem,
            DisplaySettings settings)
            throws SQLException {
        StringBuilder select = new StringBuilder(
                """
                SELECT r.rolname, r.rolsuper, r.rolinherit,
                  r.rolcreaterole, r.rolcreatedb, r.rolcanlogin,
                  r.rolconnlimit, r.rolvaliduntil, r.rolreplication, r.rolbypassrls""");
        if (verbose) {
            select.append(",\n  pg_catalog.shobj_description(r.oid, 'pg_authid') AS description");
        }
        CatalogQuery query =
                new CatalogQuery(select.append("\nFROM pg_catalog.pg_roles r\n").toString());
        query.where(OWN_OR_PREDEFINED_ROLE);
        if (pattern.isPresent()) {
            NamePattern.parseShared(pattern.get()).restrict(query, null, "r.rolname", null);
        } else if (!showSystem) {
            query.where("r.rolname !~ '^pg_'");
        }
        QueryResult found = query.append("ORDER BY 1").readFrom(catalogs);

        List<PsqlFormatter.Column> columns = new ArrayList<>(
                List.of(new PsqlFormatter.Column("Role name", false), new PsqlFormatter.Column("Attributes", false)));
        if (verbose) {
            columns.add(new PsqlFormatter.Column("Description", false));
        }
        List<List<String>> rows = new ArrayList<>();
        for (int row = 0; row < found.size(); row++) {
            List<String> cells = new ArrayList<>(List.of(found.text(row, 0), attributes(found, row)));
            if (verbose) {
                cells.add(found.text(row, 10));
            }
            rows.add(cells);
        }
        // psql builds this table itself (printTable), with no row count
        QueryResult table = new QueryResult(columns, rows);
        return table.print("List of roles", List.of(), false, settings);
    }

    /** psql's Attributes cell: the flags, then the connection limit and the password's expiry on lines of their own. */
    private static String attributes(QueryResult role, int row) {
        List<String> flags = new ArrayList<>();
        if (role.isTrue(row, 1)) {
            flags.add("Superuser");
        }
        if (!role.isTrue(row, 2)) {
            flags.add("No inheritance");
        }
        if (role.isTrue(row, 3)) {
            flags.add("Create role");
        }
        if (role.isTrue(row, 4)) {
            flags.add("Create DB");
        }
        if (!role.isTrue(row, 5)) {
            flags.add("Cannot login");
        }
        if (role.isTrue(row, 8)) {
            flags.add("Replication");
        }
        if (role.isTrue(row, 9)) {
            flags.add("Bypass RLS");
        }
        List<String> lines = new ArrayList<>();
        if (!flags.isEmpty()) {
            lines.add(String.join(", ", flags));
        }
        int connections = Integer.parseInt(role.text(row, 6));
        if (connections == 0) {
            lines.add("No connections");
        } else if (connections > 0) {
            lines.add(connections + (connections == 1 ? " connection" : " connections"));
        }
        if (!role.text(row, 7).isEmpty()) {
            lines.add("Password valid until " + role.text(row, 7));
        }
        return String.join("\n", lines);
    }

    static String databases(CatalogReader catalogs, Optional<String> pattern, boolean verbose, DisplaySettings settings)
            throws SQLException {
        StringBuilder select = new StringBuilder(
                """
                SELECT
                  d.datname as "Name",
                  pg_catalog.pg_get_userbyid(d.datdba) as "Owner",
                  pg_catalog.pg_encoding_to_char(d.encoding) as "Encoding",
                  CASE d.datlocprovider WHEN 'b' THEN 'builtin' WHEN 'c' THEN 'libc' WHEN 'i' THEN 'icu' END AS "Locale Provider",
                  d.datcollate as "Collate",
                  d.datctype as "Ctype",
                  d.datlocale as "Locale",
                  d.daticurules as "ICU Rules",
                  CASE WHEN pg_catalog.array_length(d.datacl, 1) = 0 THEN '(none)' \
                ELSE pg_catalog.array_to_string(d.datacl, E'\\n') END AS "Access privileges\"""");
        if (verbose) {
            select.append(
                    """
                    ,
                      CASE WHEN pg_catalog.has_database_privilege(d.datname, 'CONNECT')
                           THEN pg_catalog.pg_size_pretty(pg_catalog.pg_database_size(d.datname))
                           ELSE 'No Access'
                      END as "Size",
                      t.spcname as "Tablespace",
                      pg_catalog.shobj_description(d.oid, 'pg_database') as "Description\"""");
        }
        select.append("\nFROM pg_catalog.pg_database d\n");
        if (verbose) {
            select.append("  JOIN pg_catalog.pg_tablespace t on d.dattablespace = t.oid\n");
        }
        CatalogQuery query = new CatalogQuery(select.toString());
        query.where("d.datname = pg_catalog.current_database()");
        if (pattern.isPresent()) {
            NamePattern.parseShared(pattern.get()).restrict(query, null, "d.datname", null);
        }
        return query.append("ORDER BY 1").readFrom(catalogs).print("List of databases", List.of(), true, settings);
    }
}
