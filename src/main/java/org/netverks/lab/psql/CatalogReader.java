package org.netverks.lab.psql;

import java.sql.SQLException;
import java.util.List;
import org.netverks.lab.shared.QueryRows;

/**
 * Where the meta-commands read the catalogs: the learner's own connection, through the lab's
 * bounded query path (the caller applies the time limit and result cap), so a meta-command can
 * neither outlast the lab's limits nor see anything the learner's role cannot.
 */
public interface CatalogReader {

    /** One catalog query; every value from the learner is one of {@code parameters} (String or Long). */
    QueryRows query(String sql, List<Object> parameters) throws SQLException;

    /**
     * A statement that puts the learner's transaction back after a failed command (ROLLBACK TO and
     * RELEASE SAVEPOINT): it gets a time limit of its own, since the command's may be spent.
     */
    void restore(String sql) throws SQLException;

    /** Whether the learner has a transaction open, which a failing catalog query must not abort. */
    boolean inTransaction();
}
