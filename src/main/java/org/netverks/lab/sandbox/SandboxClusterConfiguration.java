package org.netverks.lab.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.netverks.lab.LabProperties;
import org.netverks.platform.ClusterPassword;
import org.netverks.platform.PlatformProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Where sandboxes live: the servers an operator lists, or else a second embedded PostgreSQL
 * under the data folder — never the platform's own cluster, so learner SQL cannot reach
 * platform data even through a PostgreSQL bug in database isolation.
 */
@Configuration(proxyBeanMethods = false)
class SandboxClusterConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SandboxClusterConfiguration.class);

    @Bean
    SandboxServers sandboxServers(
            LabProperties properties, ClientAccessProperties access, Optional<EmbeddedSandboxCluster> embedded) {
        if (!properties.embedded()) {
            requireConsistent(access, properties);
            List<SandboxServer> configured = SandboxServer.parseAll(properties.servers());
            return new SandboxServers(() -> configured, server -> false, true);
        }
        // injected, not looked up: a dependency Spring sees, so the cluster outlives its users at shutdown
        EmbeddedSandboxCluster cluster = embedded.orElseThrow();
        return new SandboxServers(() -> List.of(cluster.server()), server -> cluster.restarting(), false);
    }

    @Bean(destroyMethod = "close")
    @Conditional(NoLabServers.class)
    EmbeddedSandboxCluster embeddedSandboxCluster(
            LabProperties properties, ClientAccessProperties access, PlatformProperties platform) throws IOException {
        requireConsistent(access, properties);
        Path dataDir = platform.dataDir();
        Path clusterDir = dataDir.resolve("sandboxes").toAbsolutePath();
        String password = ClusterPassword.readOrCreate(dataDir.resolve("sandbox-admin-password"));
        Map<String, String> settings = hardenedSettings(properties);
        if (access.tls()) {
            copyTlsFiles(access, dataDir.resolve(TLS_DIRECTORY));
        }
        // relative to the cluster's data directory: pg_ctl passes settings through a shell, which a
        // space in an absolute path would split
        settings.putAll(access.serverSettings("../" + TLS_DIRECTORY));
        log.info(
                "No netverks.lab.servers set: the embedded sandbox cluster in {} starts once the app is ready,"
                        + " listening on {}{}",
                clusterDir,
                settings.get("listen_addresses"),
                access.tls() ? " with TLS" : "");
        if (access.listensBeyondLocalhost() && !access.tls()) {
            log.warn("The sandbox cluster accepts learners from other machines without TLS: their queries and results"
                    + " cross the network unencrypted. Set netverks.lab.tls-certificate and netverks.lab.tls-key.");
        }
        return EmbeddedSandboxCluster.startWhenReady(
                clusterDir,
                settings,
                properties.embeddedPort(),
                password,
                access.remoteHbaLines(),
                // run again after every restart: backends of the new postmaster must inherit the bound too
                List.of(server -> EmbeddedSandboxCluster.afterStart(
                        clusterDir, properties.memoryPerSession().toBytes())),
                platform.embeddedRestartDelay());
    }

    /** Beside the cluster's data directory, where PostgreSQL reads our copies of the operator's TLS files. */
    private static final String TLS_DIRECTORY = "sandbox-tls";

    private static void requireConsistent(ClientAccessProperties access, LabProperties properties) {
        List<String> problems = access.problemsWith(properties);
        if (!problems.isEmpty()) {
            throw new InvalidLabSettingsException(problems);
        }
    }

    /**
     * PostgreSQL refuses a key file that others may read, or that another user owns: it reads
     * copies owned by us, readable by us only, made at every start (so a renewed certificate is
     * picked up by a restart).
     */
    private static void copyTlsFiles(ClientAccessProperties access, Path directory) throws IOException {
        Files.createDirectories(directory);
        ownerOnly(directory, "rwx------");
        for (String[] copy :
                new String[][] {{access.tlsCertificate(), "server.crt"}, {access.tlsKey(), "server.key"}}) {
            Path target = directory.resolve(copy[1]);
            Files.copy(Path.of(copy[0]), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            ownerOnly(target, "rw-------");
        }
    }

    private static void ownerOnly(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the data folder's own permissions protect it
        }
    }

    static class NoLabServers implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return Binder.get(context.getEnvironment())
                    .bind("netverks.lab.servers", Bindable.listOf(String.class))
                    .map(List::isEmpty)
                    .orElse(true);
        }
    }

    /** Settings that bound what any session can do to the server as a whole. */
    static Map<String, String> hardenedSettings(LabProperties properties) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("max_connections", "200");
        settings.put("max_prepared_transactions", "0");
        settings.put("temp_file_limit", properties.tempFileLimit().toKilobytes() + "kB");
        settings.put("idle_in_transaction_session_timeout", "60s");
        settings.put("idle_session_timeout", "30min");
        settings.put("password_encryption", "scram-sha-256");
        settings.put("shared_buffers", "64MB");
        settings.put("log_min_messages", "warning");
        return settings;
    }
}
