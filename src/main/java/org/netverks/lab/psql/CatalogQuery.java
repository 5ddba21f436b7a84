package org.netverks.lab.psql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGStatement;

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

    CatalogQuery append(String text) {
        sql.append(text);
        return this;
    }

    QueryResult run(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            // Unnamed statements keep every value in the server's text form, which is what psql shows.
            statement.unwrap(PGStatement.class).setPrepareThreshold(0);
            for (int i = 0; i < parameters.size(); i++) {
                Object parameter = parameters.get(i);
                if (parameter instanceof Long number) {
                    statement.setLong(i + 1, number);
                } else {
                    statement.setString(i + 1, (String) parameter);
                }
            }
            try (ResultSet results = statement.executeQuery()) {
                ResultSetMetaData meta = results.getMetaData();
                List<PsqlFormatter.Column> columns = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    columns.add(new PsqlFormatter.Column(
                            meta.getColumnLabel(i), PsqlFormatter.rightAligned(meta.getColumnTypeName(i))));
                }
                List<List<String>> rows = new ArrayList<>();
                while (results.next()) {
                    List<String> row = new ArrayList<>(columns.size());
                    for (int i = 1; i <= columns.size(); i++) {
                        row.add(results.getString(i));
                    }
                    rows.add(row);
                }
                return new QueryResult(List.copyOf(columns), rows);
            }
        }
    }
}
