package org.netverks.platform;

import java.sql.SQLException;
import org.flywaydb.core.api.FlywayException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

/**
 * A platform database whose user may not create the app's tables (Flyway's migration fails with
 * SQLSTATE 42501, "permission denied for schema public": PostgreSQL 15 and later no longer let every
 * user create in {@code public}) stops the start with what to grant, instead of a stack trace.
 */
class PlatformPrivilegesFailureAnalyzer implements FailureAnalyzer {

    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    private final Environment environment;

    PlatformPrivilegesFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        SQLException denied = null;
        boolean migrating = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            migrating |= cause instanceof FlywayException;
            if (cause instanceof SQLException sql && INSUFFICIENT_PRIVILEGE.equals(sql.getSQLState())) {
                denied = sql;
            }
        }
        if (!migrating || denied == null) {
            return null;
        }
        String user = environment.getProperty("spring.datasource.username", "the user in SPRING_DATASOURCE_URL");
        String schema = environment.getProperty("spring.flyway.default-schema", "public");
        return new FailureAnalysis(
                "The platform database's user " + user + " (SPRING_DATASOURCE_USERNAME) may not create the app's "
                        + "tables, so the database could not be migrated. PostgreSQL said: "
                        + denied.getMessage().strip().lines().findFirst().orElse(""),
                "As the database's owner or a superuser, give that user the right to create in the schema, then "
                        + "start again:\n    GRANT USAGE, CREATE ON SCHEMA " + schema + " TO " + user + ";\n"
                        + "(or make it the owner of the database: ALTER DATABASE <name> OWNER TO " + user
                        + "; docs/operations.md, \"Many app instances and sandbox servers\").",
                denied);
    }
}
