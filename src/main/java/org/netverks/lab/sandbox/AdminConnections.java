package org.netverks.lab.sandbox;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Superuser connections to a sandbox server, opened for one administrative task and closed. */
final class AdminConnections {

    private AdminConnections() {}

    static Connection open(SandboxServer server, String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", server.adminUser());
        properties.setProperty("password", server.adminPassword());
        properties.setProperty("ApplicationName", "netverks-lab-admin");
        properties.setProperty("connectTimeout", "2"); // a server that is away is reported at once
        properties.setProperty("assumeMinServerVersion", "15"); // settings in the start-up packet: no SET after log-in
        return DriverManager.getConnection(server.jdbcUrl(database), properties);
    }
}
