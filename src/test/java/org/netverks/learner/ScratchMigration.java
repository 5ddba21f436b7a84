package org.netverks.learner;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * A throwaway database on the platform's server, migrated up to an older schema version, to test
 * what a later migration does to rows written before it. Dropped on close.
 */
final class ScratchMigration implements AutoCloseable {

    private final JdbcClient platform;
    private final String database;
    private final SimpleDriverDataSource scratch;

    private ScratchMigration(JdbcClient platform, String database, SimpleDriverDataSource scratch) {
        this.platform = platform;
        this.database = database;
        this.scratch = scratch;
    }

    /** A new database with the migrations up to {@code version} applied. */
    static ScratchMigration at(String version, DataSource platformDataSource, JdbcClient platform) throws SQLException {
        String database = "v" + version + "_check_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        platform.sql("create database " + database).update(); // a generated name, only [a-z0-9_]
        HikariDataSource pool = platformDataSource.unwrap(HikariDataSource.class);
        String url = pool.getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
        SimpleDriverDataSource scratch =
                new SimpleDriverDataSource(new org.postgresql.Driver(), url, pool.getUsername(), pool.getPassword());
        ScratchMigration migration = new ScratchMigration(platform, database, scratch);
        migration.flyway().target(version).load().migrate();
        return migration;
    }

    /** SQL on the scratch database. */
    JdbcClient jdbc() {
        return JdbcClient.create(scratch);
    }

    /** Applies every remaining migration. */
    void migrateToLatest() {
        flyway().load().migrate();
    }

    private org.flywaydb.core.api.configuration.FluentConfiguration flyway() {
        return Flyway.configure().dataSource(scratch).locations("classpath:db/migration");
    }

    @Override
    public void close() {
        platform.sql("drop database if exists " + database + " with (force)").update();
    }
}
