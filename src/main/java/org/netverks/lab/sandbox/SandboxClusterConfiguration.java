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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * Where sandboxes live: the servers an operator lists, or else a second embedded PostgreSQL
 * under the data folder — never the platform's own cluster, so learner SQL cannot reach
 * platform data even through a PostgreSQL bug in database isolation.
 */
@Configuration(proxyBeanMethods = false)
class SandboxClusterConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SandboxClusterConfiguration.class);

    @Bean
    SandboxServers sandboxServers(LabProperties properties, Optional<EmbeddedSandboxCluster> embedded) {
        if (!properties.embedded()) {
            List<SandboxServer> configured = properties.servers().stream().map(SandboxServer::parse).toList();
            return new SandboxServers(() -> configured);
        }
        // injected, not looked up: a dependency Spring sees, so the cluster outlives its users at shutdown
        EmbeddedSandboxCluster cluster = embedded.orElseThrow();
        return new SandboxServers(() -> List.of(cluster.server()));
    }

    @Bean(destroyMethod = "close")
    @Conditional(NoLabServers.class)
    EmbeddedSandboxCluster embeddedSandboxCluster(LabProperties properties,
            @Value("${netverks.data-dir}") Path dataDir) throws IOException {
        Path clusterDir = dataDir.resolve("sandboxes").toAbsolutePath();
        String password = adminPassword(dataDir.resolve("sandbox-admin-password"));
        log.info("No netverks.lab.servers set: starting the embedded sandbox cluster in {}", clusterDir);
        return EmbeddedSandboxCluster.startInBackground(clusterDir, hardenedSettings(properties),
                properties.embeddedPort(), password, properties.memoryPerSession().toBytes());
    }

    static class NoLabServers implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return Binder.get(context.getEnvironment()).bind("netverks.lab.servers", Bindable.listOf(String.class))
                    .map(List::isEmpty).orElse(true);
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

    /** The superuser password of the embedded cluster: made once, kept beside its data, readable by us only. */
    private static String adminPassword(Path file) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file).strip();
        }
        Files.createDirectories(file.getParent());
        String password = Secrets.password();
        Files.writeString(file, password);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the data folder's own permissions protect it
        }
        return password;
    }
}
