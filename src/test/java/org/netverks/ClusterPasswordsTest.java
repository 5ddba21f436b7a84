package org.netverks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.netverks.lab.sandbox.SandboxServer;
import org.netverks.lab.sandbox.SandboxServers;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Neither embedded cluster trusts the machine: a local process that connects as their superuser
 * without the password (kept in the data folder, readable by the app's user only) is refused.
 */
@IntegrationTest
class ClusterPasswordsTest {

    private static final Path DATA = org.netverks.platform.TestData.dir("app");

    @Autowired
    DataSource dataSource;

    @Autowired
    SandboxServers sandboxServers;

    @Test
    void thePlatformClusterRefusesitsSuperuserWithoutThePassword() throws Exception {
        String url = dataSource.unwrap(HikariDataSource.class).getJdbcUrl();
        assertRefused(url, null);
        assertRefused(url, "not-the-password");
        assertOwnerOnly(DATA.resolve("platform-admin-password"));
        try (Connection app = dataSource.getConnection()) {
            assertThat(app.isValid(2))
                    .as("the app itself connects, with the password")
                    .isTrue();
        }
    }

    @Test
    void theSandboxClusterRefusesItsAdminWithoutThePassword() throws Exception {
        SandboxServer embedded = sandboxServers.all().get(0);
        assertRefused(embedded.jdbcUrl("postgres"), null);
        assertRefused(embedded.jdbcUrl("postgres"), "not-the-password");
        assertOwnerOnly(DATA.resolve("sandbox-admin-password"));
        try (Connection admin = DriverManager.getConnection(
                embedded.jdbcUrl("postgres"), embedded.adminUser(), embedded.adminPassword())) {
            assertThat(admin.isValid(2)).isTrue();
        }
    }

    private static void assertRefused(String url, String password) {
        Properties login = new Properties();
        login.setProperty("user", "postgres");
        if (password != null) {
            login.setProperty("password", password);
        }
        assertThatThrownBy(() -> DriverManager.getConnection(url, login).close())
                .as("connecting as postgres with password %s", password)
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isIn("28P01", "08004"));
    }

    private static void assertOwnerOnly(Path file) throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }
}
