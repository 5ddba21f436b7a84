package org.netverks.lab.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netverks.lab.LabProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** How operators open the sandbox cluster to learners' own clients, and every mistake named at start-up. */
class ClientAccessPropertiesTest {

    @TempDir
    Path files;

    private static <T> T bind(Class<T> type, Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("netverks.lab", type);
    }

    private Map<String, String> withTls() throws IOException {
        Path certificate = Files.writeString(
                files.resolve("server.crt"), "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
        Path key = Files.writeString(
                files.resolve("server.key"), "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n");
        Map<String, String> settings = new HashMap<>(
                Map.of("netverks.lab.tls-certificate", certificate.toString(), "netverks.lab.tls-key", key.toString()));
        return settings;
    }

    @Test
    void byDefaultOnlyThisServerCanConnect() {
        ClientAccessProperties access = bind(ClientAccessProperties.class, Map.of());

        assertThat(access.listensBeyondLocalhost()).isFalse();
        assertThat(access.tls()).isFalse();
        assertThat(access.remoteHbaLines()).isEmpty();
        assertThat(access.serverSettings("../tls")).containsExactly(Map.entry("listen_addresses", "localhost"));
        assertThat(access.problemsWith(LabProperties.defaults())).isEmpty();
    }

    @Test
    void openToTheNetworkOnlyLearnersRolesGetInWithScramAndOverTlsWhenThereIsACertificate() throws IOException {
        Map<String, String> settings = withTls();
        settings.put("netverks.lab.listen-addresses", "10.0.0.5, 192.168.1.2");
        ClientAccessProperties access = bind(ClientAccessProperties.class, settings);

        assertThat(access.serverSettings("../tls"))
                .containsEntry("listen_addresses", "localhost,10.0.0.5,192.168.1.2")
                .containsEntry("ssl", "on")
                .containsEntry("ssl_cert_file", "../tls/server.crt")
                .containsEntry("ssl_key_file", "../tls/server.key");
        assertThat(access.remoteHbaLines()).containsExactly("hostssl   all   /^lr_[a-z0-9]+$   all   scram-sha-256");

        ClientAccessProperties plain = bind(ClientAccessProperties.class, Map.of("netverks.lab.listen-addresses", "*"));
        assertThat(plain.serverSettings("../tls")).containsExactly(Map.entry("listen_addresses", "*"));
        assertThat(plain.remoteHbaLines()).containsExactly("host   all   /^lr_[a-z0-9]+$   all   scram-sha-256");
    }

    @Test
    void aMissingOrUnusableKeyFileStopsTheStartWithItsName() throws IOException {
        Map<String, String> missing = withTls();
        missing.put("netverks.lab.tls-key", files.resolve("nope.key").toString());
        assertThatThrownBy(() -> bind(ClientAccessProperties.class, missing))
                .rootCause()
                .hasMessageContaining("netverks.lab.tls-key: " + files.resolve("nope.key") + " is not a readable file");

        Map<String, String> encrypted = withTls();
        Files.writeString(
                Path.of(encrypted.get("netverks.lab.tls-key")),
                "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIE\n-----END ENCRYPTED PRIVATE KEY-----\n");
        assertThatThrownBy(() -> bind(ClientAccessProperties.class, encrypted))
                .rootCause()
                .hasMessageContaining("is encrypted");

        Map<String, String> swapped = withTls();
        swapped.put("netverks.lab.tls-certificate", swapped.get("netverks.lab.tls-key"));
        assertThatThrownBy(() -> bind(ClientAccessProperties.class, swapped))
                .rootCause()
                .hasMessageContaining("netverks.lab.tls-certificate")
                .hasMessageContaining("not a PEM certificate");

        Map<String, String> half =
                Map.of("netverks.lab.tls-certificate", withTls().get("netverks.lab.tls-certificate"));
        assertThatThrownBy(() -> bind(ClientAccessProperties.class, half))
                .rootCause()
                .hasMessageContaining("set both netverks.lab.tls-certificate and netverks.lab.tls-key");

        assertThatThrownBy(() -> bind(ClientAccessProperties.class, Map.of("netverks.lab.listen-addresses", "*;rm")))
                .rootCause()
                .hasMessageContaining("netverks.lab.listen-addresses must be");
    }

    @Test
    void openingToTheNetworkNeedsAPublicHostAndAFixedPort() {
        ClientAccessProperties open = bind(ClientAccessProperties.class, Map.of("netverks.lab.listen-addresses", "*"));

        assertThat(open.problemsWith(LabProperties.defaults()))
                .satisfiesExactlyInAnyOrder(
                        problem -> assertThat(problem).contains("netverks.lab.public-host is localhost"),
                        problem -> assertThat(problem).contains("set netverks.lab.embedded-port to a fixed port"));
        LabProperties configured = bind(
                LabProperties.class,
                Map.of("netverks.lab.public-host", "db.example.org", "netverks.lab.embedded-port", "6432"));
        assertThat(open.problemsWith(configured)).isEmpty();
    }

    @Test
    void theseSettingsAreForTheEmbeddedClusterOnly() throws IOException {
        ClientAccessProperties tls = bind(ClientAccessProperties.class, withTls());
        LabProperties external = bind(LabProperties.class, Map.of("netverks.lab.servers", "postgresql://a:b@db:5432"));

        assertThat(tls.problemsWith(external))
                .singleElement()
                .asString()
                .contains("with netverks.lab.servers set, configure those servers themselves");
        assertThat(bind(ClientAccessProperties.class, Map.of())
                        .problemsWith(bind(LabProperties.class, Map.of("netverks.lab.public-host", "db example"))))
                .singleElement()
                .asString()
                .contains("netverks.lab.public-host must be a host name or an IP address");
    }

    @Test
    void loopbackNamesAreRecognised() {
        assertThat(List.of("localhost", "LOCALHOST", "127.0.0.1", "127.1.2.3", "::1", "[::1]"))
                .allMatch(ClientAccessProperties::isLoopback);
        assertThat(List.of("db.example.org", "10.0.0.5", "::", "0.0.0.0", "*"))
                .noneMatch(ClientAccessProperties::isLoopback);
    }
}
