package org.netverks.lab.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netverks.DeployFiles.asMap;
import static org.netverks.DeployFiles.containers;
import static org.netverks.DeployFiles.list;
import static org.netverks.DeployFiles.map;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.netverks.DeployFiles;
import org.netverks.lab.LabProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The sandbox servers in deploy/ (compose and CloudNativePG) get the settings the embedded sandbox
 * cluster gets, and the app accepts NETVERKS_LAB_SERVERS exactly as each deployment composes it.
 */
class DeployedSandboxServersTest {

    /** What CloudNativePG generates: 64 letters and digits (sethvargo/go-password, no symbols). */
    private static final String GENERATED_PASSWORD = "q7Rk2Vb9XnT4mLp8Hs3Zc6Wf1Jd5Yg0AuQe7Rk2Vb9XnT4mLp8Hs3Zc6Wf1Jd5Yg";

    private static final Pattern REFERENCE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");
    private static final Pattern REQUIRED = Pattern.compile("\\$\\{([A-Z_]+):\\?[^}]*}");

    private final Map<String, String> hardened =
            normalized(SandboxClusterConfiguration.hardenedSettings(LabProperties.defaults()));

    @Test
    void cloudNativePgSandboxServersHaveTheHardenedSettings() {
        List<Map<String, Object>> sandboxes = DeployFiles.kubernetes().ofKind("Cluster").stream()
                .filter(c -> Boolean.TRUE.equals(map(c, "spec").get("enableSuperuserAccess")))
                .toList();
        assertThat(sandboxes).hasSize(2);
        for (Map<String, Object> cluster : sandboxes) {
            Map<String, String> parameters = new LinkedHashMap<>();
            map(map(map(cluster, "spec"), "postgresql"), "parameters")
                    .forEach((name, value) -> parameters.put(name, String.valueOf(value)));
            assertThat(normalized(parameters))
                    .as("%s", map(cluster, "metadata").get("name"))
                    .isEqualTo(hardened);
        }
    }

    @Test
    void composeSandboxServersHaveTheHardenedSettings() {
        Map<String, Object> services = map(DeployFiles.compose(), "services");
        for (String name : List.of("sandbox-a", "sandbox-b")) {
            List<Object> command = list(map(services, name), "command");
            assertThat(command.get(0)).isEqualTo("postgres");
            Map<String, String> settings = new LinkedHashMap<>();
            for (int i = 1; i < command.size(); i += 2) {
                assertThat(command.get(i)).isEqualTo("-c");
                String[] pair = command.get(i + 1).toString().split("=", 2);
                settings.put(pair[0], pair[1]);
            }
            assertThat(normalized(settings)).as(name).isEqualTo(hardened);
        }
    }

    @Test
    void theAppReadsTheServersKubernetesComposesFromTheGeneratedSecrets() {
        Map<String, Object> app =
                containers(DeployFiles.kubernetes().one("Deployment")).get(0);
        // Kubernetes' $(NAME): the value of a variable defined earlier in the list
        Map<String, String> environment = new LinkedHashMap<>();
        for (Object item : list(app, "env")) {
            Map<String, Object> entry = asMap(item);
            Map<String, Object> secret = map(map(entry, "valueFrom"), "secretKeyRef");
            String value = secret.isEmpty()
                    ? substitute(String.valueOf(entry.get("value")), environment)
                    : secret.get("key").equals("username") ? "postgres" : GENERATED_PASSWORD;
            environment.put((String) entry.get("name"), value);
        }
        List<SandboxServer> servers = serversFrom(environment.get("NETVERKS_LAB_SERVERS"));
        assertThat(servers).extracting(SandboxServer::host).containsExactly("sandbox-a-rw", "sandbox-b-rw");
        assertThat(servers).allSatisfy(server -> {
            assertThat(server.port()).isEqualTo(5432);
            assertThat(server.adminUser()).isEqualTo("postgres");
            assertThat(server.adminPassword()).isEqualTo(GENERATED_PASSWORD);
        });
    }

    @Test
    void theAppReadsTheServersComposeComposesFromTheEnvironment() {
        Map<String, Object> services = map(DeployFiles.compose(), "services");
        String servers =
                String.valueOf(map(map(services, "app-1"), "environment").get("NETVERKS_LAB_SERVERS"));
        String password = "a3f9c1d27be84e6f90a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5"; // openssl rand -hex 24
        List<SandboxServer> parsed = serversFrom(REQUIRED.matcher(servers).replaceAll(password));
        assertThat(parsed).extracting(SandboxServer::host).containsExactly("sandbox-a", "sandbox-b");
        assertThat(parsed).extracting(SandboxServer::adminPassword).containsOnly(password);
        assertThat(services).containsKeys("sandbox-a", "sandbox-b");
    }

    /** NETVERKS_LAB_SERVERS bound as the app binds it (relaxed binding, comma-separated list). */
    private static List<SandboxServer> serversFrom(String value) {
        Map<String, Object> environment = Map.of("NETVERKS_LAB_SERVERS", value);
        LabProperties lab = new Binder(ConfigurationPropertySources.from(
                        new SystemEnvironmentPropertySource("systemEnvironment", environment)))
                .bindOrCreate("netverks.lab", LabProperties.class);
        return lab.servers().stream().map(SandboxServer::parse).toList();
    }

    private static String substitute(String value, Map<String, String> defined) {
        Matcher reference = REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (reference.find()) {
            String replacement = defined.get(reference.group(1));
            assertThat(replacement)
                    .as("$(%s) is defined before its use", reference.group(1))
                    .isNotNull();
            reference.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        reference.appendTail(out);
        return out.toString();
    }

    /** Sizes in kB, whatever unit they are written in, so 256MB and 262144kB compare equal. */
    private static Map<String, String> normalized(Map<String, String> settings) {
        Map<String, String> normalized = new LinkedHashMap<>();
        Pattern size = Pattern.compile("(\\d+)(kB|MB|GB|TB)");
        settings.forEach((name, value) -> {
            Matcher matcher = size.matcher(value);
            if (matcher.matches()) {
                long kilobytes = Long.parseLong(matcher.group(1))
                        * switch (matcher.group(2).toUpperCase(Locale.ROOT)) {
                            case "MB" -> 1024L;
                            case "GB" -> 1024L * 1024;
                            case "TB" -> 1024L * 1024 * 1024;
                            default -> 1L;
                        };
                value = kilobytes + "kB";
            }
            normalized.put(name, value);
        });
        return normalized;
    }
}
