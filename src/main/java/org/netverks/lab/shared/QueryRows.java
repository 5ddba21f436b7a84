package org.netverks.lab.shared;

import java.util.List;

/**
 * The rows of a query the lab itself ran on a sandbox (a psql catalog listing, the schema panel,
 * the size check), every value as PostgreSQL's text, SQL NULL as null.
 *
 * @param columns each column's label and type name as the driver reports it ("text", "int4")
 */
public record QueryRows(List<Column> columns, List<List<String>> rows) {

    public record Column(String name, String typeName) {}

    public QueryRows {
        columns = List.copyOf(columns);
    }
}
