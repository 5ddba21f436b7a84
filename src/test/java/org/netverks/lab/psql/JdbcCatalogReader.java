package org.netverks.lab.psql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.netverks.lab.shared.QueryRows;
import org.postgresql.PGStatement;

/**
 * The catalogs of a plain JDBC connection, for testing the meta-commands without the lab (the lab
 * reads them through {@code SandboxConnection.query}, the same way plus its time limit). A
 * connection with auto-commit off counts as being in a transaction.
 */
public record JdbcCatalogReader(Connection connection) implements CatalogReader {

    public static CatalogReader of(Connection connection) {
        return new JdbcCatalogReader(connection);
    }

    @Override
    public QueryRows query(String sql, List<Object> parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.unwrap(PGStatement.class).setPrepareThreshold(0);
            for (int i = 0; i < parameters.size(); i++) {
                if (parameters.get(i) instanceof Long number) {
                    statement.setLong(i + 1, number);
                } else {
                    statement.setString(i + 1, (String) parameters.get(i));
                }
            }
            if (!statement.execute()) {
                return new QueryRows(List.of(), List.of());
            }
            try (ResultSet results = statement.getResultSet()) {
                ResultSetMetaData meta = results.getMetaData();
                List<QueryRows.Column> columns = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    columns.add(new QueryRows.Column(meta.getColumnLabel(i), meta.getColumnTypeName(i)));
                }
                List<List<String>> rows = new ArrayList<>();
                while (results.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= columns.size(); i++) {
                        row.add(results.getString(i));
                    }
                    rows.add(row);
                }
                return new QueryRows(columns, rows);
            }
        }
    }

    @Override
    public void restore(String sql) throws SQLException {
        query(sql, List.of());
    }

    @Override
    public boolean inTransaction() {
        try {
            return !connection.getAutoCommit();
        } catch (SQLException e) {
            return false;
        }
    }
}
