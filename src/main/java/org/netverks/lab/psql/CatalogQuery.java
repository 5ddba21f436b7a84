package org.netverks.lab.psql;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.netverks.lab.shared.QueryRows;

/**
 * One catalog query built the way psql builds its own: fixed SQL text plus conditions, with every
 * value that comes from the learner (patterns, names) bound as a parameter.
 */
final class CatalogQuery {

    private final StringBuilder sql;
    private final List<Object> parameters = new ArrayList<>();
    private boolean hasWhere;

    CatalogQuery(String sql, Object... parameters) {
        this.sql = new StringBuilder(sql);
        this.parameters.addAll(List.of(parameters));
    }

    /** Adds a condition, as WHERE for the first one and AND after that. */
    CatalogQuery where(String condition, Object... parameters) {
        sql.append(hasWhere ? "  AND " : "WHERE ").append(condition).append('\n');
        hasWhere = true;
        this.parameters.addAll(List.of(parameters));
        return this;
    }

    /**
     * Starts the next SELECT of a UNION, whose own conditions follow: after a new WHERE, or with
     * AND when {@code conditionsContinue} (the part ends in a WHERE or a JOIN's ON clause of its
     * own, which psql then extends).
     */
    CatalogQuery appendPart(String text, boolean conditionsContinue) {
        sql.append(text);
        hasWhere = conditionsContinue;
        return this;
    }

    CatalogQuery append(String text) {
        sql.append(text);
        return this;
    }

    /** Runs the query through {@code catalogs}, with the columns headed and aligned as psql would. */
    QueryResult readFrom(CatalogReader catalogs) throws SQLException {
        QueryRows rows = catalogs.query(sql.toString(), parameters);
        List<PsqlFormatter.Column> columns = rows.columns().stream()
                .map(column -> new PsqlFormatter.Column(column.name(), PsqlFormatter.rightAligned(column.typeName())))
                .toList();
        return new QueryResult(columns, rows.rows());
    }
}
