package org.netverks.lab.sandbox;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Logs in to a sandbox's server as the sandbox's own role, as a learner's client would. */
final class SandboxLogin {

    private SandboxLogin() {}

    static Connection connect(SandboxServer server, Sandbox sandbox, String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", sandbox.role());
        properties.setProperty("password", sandbox.password());
        return DriverManager.getConnection(server.jdbcUrl(database), properties);
    }
}
