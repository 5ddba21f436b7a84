package org.netverks.lab.psql;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.netverks.lab.shared.QueryRows;

/**
 * \sf and \sv: a function's or a view's definition as a CREATE OR REPLACE statement, built as
 * psql's get_create_object_cmd builds it; with + (\sf+, \sv+) numbered as psql numbers it.
 */
final class DefinitionCommands {

    private DefinitionCommands() {}

    static String function(CatalogReader catalogs, Optional<String> name, boolean numbered) throws SQLException {
        String function = name.orElseThrow(() -> new MetaCommandException("function name is required"));
        // with an argument list psql looks the function up as a regprocedure, else as a regproc
        String cast = function.contains("(") ? "regprocedure" : "regproc";
        QueryRows rows = catalogs.query(
                "SELECT pg_catalog.pg_get_functiondef(CAST(? AS pg_catalog.text)::pg_catalog." + cast
                        + "::pg_catalog.oid)",
                List.of(function));
        String definition = rows.rows().get(0).get(0);
        // pg_get_functiondef ends with a newline, which psql's output does not double
        String text = definition.endsWith("\n") ? definition.substring(0, definition.length() - 1) : definition;
        return numbered ? withLineNumbers(text, true) : text;
    }

    static String view(CatalogReader catalogs, Optional<String> name, boolean numbered) throws SQLException {
        String view = name.orElseThrow(() -> new MetaCommandException("view name is required"));
        QueryRows rows = catalogs.query(
                """
                SELECT pg_catalog.quote_ident(nspname), pg_catalog.quote_ident(relname), relkind,
                  pg_catalog.pg_get_viewdef(c.oid, true),
                  (SELECT pg_catalog.string_agg(pg_catalog.quote_ident(split_part(o, '=', 1)) || '='
                            || pg_catalog.quote_literal(substr(o, strpos(o, '=') + 1)), ', ')
                     FROM pg_catalog.unnest(c.reloptions) AS o
                    WHERE o NOT IN ('check_option=local', 'check_option=cascaded')),
                  CASE WHEN 'check_option=local' = ANY (c.reloptions) THEN 'LOCAL'::text
                       WHEN 'check_option=cascaded' = ANY (c.reloptions) THEN 'CASCADED'::text ELSE NULL END
                FROM pg_catalog.pg_class c LEFT JOIN pg_catalog.pg_namespace n ON c.relnamespace = n.oid
                WHERE c.oid = CAST(? AS pg_catalog.text)::pg_catalog.regclass::pg_catalog.oid""",
                List.of(view));
        List<String> row = rows.rows().get(0);
        String qualified = row.get(0) + "." + row.get(1);
        if (!"v".equals(row.get(2))) {
            throw new MetaCommandException("\"" + qualified + "\" is not a view");
        }
        StringBuilder create = new StringBuilder("CREATE OR REPLACE VIEW ").append(qualified);
        if (row.get(4) != null) {
            create.append("\n WITH (").append(row.get(4)).append(')');
        }
        String definition = row.get(3);
        if (definition.endsWith(";")) {
            definition = definition.substring(0, definition.length() - 1);
        }
        create.append(" AS\n").append(definition);
        if (row.get(5) != null) {
            create.append("\n WITH ").append(row.get(5)).append(" CHECK OPTION");
        }
        return numbered ? withLineNumbers(create.toString(), false) : create.toString();
    }

    /**
     * psql's print_with_linenumbers(): a function's header (up to the line that starts its body
     * with AS, BEGIN or RETURN) is indented and not counted, as an error's LINE numbers count the
     * body only; every line of a view is numbered.
     */
    private static String withLineNumbers(String definition, boolean function) {
        boolean inHeader = function;
        int number = 0;
        List<String> lines = new ArrayList<>();
        for (String line : definition.split("\n", -1)) {
            if (inHeader && (line.startsWith("AS ") || line.startsWith("BEGIN ") || line.startsWith("RETURN "))) {
                inHeader = false;
            }
            if (inHeader) {
                lines.add("        " + line);
            } else {
                number++;
                lines.add(String.format(Locale.ROOT, "%-7d %s", number, line));
            }
        }
        return String.join("\n", lines);
    }
}
