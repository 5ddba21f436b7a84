package org.netverks.lab.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.netverks.lab.LabProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How learners' own clients (psql, Python) reach the embedded sandbox cluster: the addresses it
 * listens on and its TLS certificate. The host and port learners are shown are
 * {@code netverks.lab.public-host} and {@code embedded-port} ({@link LabProperties}).
 * A missing or unusable certificate file stops the start while binding, before the cluster starts.
 *
 * @param listenAddresses PostgreSQL listen_addresses of the embedded sandbox cluster ({@code *}: every
 *                        interface); localhost is always added, the lab itself connects there
 * @param tlsCertificate  PEM certificate (chain) file: with {@code tlsKey}, ssl=on and learners are
 *                        shown {@code sslmode=require}
 * @param tlsKey          PEM private key file of that certificate, not encrypted
 */
@ConfigurationProperties("netverks.lab")
public record ClientAccessProperties(
        @DefaultValue("localhost") String listenAddresses, String tlsCertificate, String tlsKey) {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1");
    /** One address or host name; also what pg_ctl's shell may see, so nothing a shell would read. */
    private static final String ADDRESS = "[A-Za-z0-9.:*_-]+";

    public ClientAccessProperties {
        listenAddresses = listenAddresses == null ? "localhost" : listenAddresses.replace(" ", "");
        tlsCertificate = blankToNull(tlsCertificate);
        tlsKey = blankToNull(tlsKey);
        List<String> problems = new ArrayList<>();
        if (!listenAddresses.matches(ADDRESS + "(," + ADDRESS + ")*")) {
            problems.add("netverks.lab.listen-addresses must be host names or IP addresses separated by commas, or *"
                    + " (got '" + listenAddresses + "')");
        }
        if ((tlsCertificate == null) != (tlsKey == null)) {
            problems.add("set both netverks.lab.tls-certificate and netverks.lab.tls-key, or neither");
        } else if (tlsCertificate != null) {
            pemProblem("netverks.lab.tls-certificate", tlsCertificate, "CERTIFICATE")
                    .ifPresent(problems::add);
            pemProblem("netverks.lab.tls-key", tlsKey, "PRIVATE KEY").ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /** Whether the cluster speaks TLS (ssl=on with the operator's certificate). */
    public boolean tls() {
        return tlsCertificate != null;
    }

    /** Whether other machines can reach the cluster at all. */
    boolean listensBeyondLocalhost() {
        return addresses().stream().anyMatch(address -> !isLoopback(address));
    }

    /** True for a host that names this machine only: a client elsewhere cannot use it. */
    public static boolean isLoopback(String host) {
        String plain = host.toLowerCase(Locale.ROOT).replaceAll("^\\[|]$", "");
        return LOOPBACK.contains(plain) || plain.startsWith("127.");
    }

    /** Settings that only hold with the rest of the lab's settings; each problem in plain words. */
    List<String> problemsWith(LabProperties lab) {
        List<String> problems = new ArrayList<>();
        if (!lab.publicHost().matches("[A-Za-z0-9.-]+|\\[?[0-9A-Fa-f:.]+]?")) {
            problems.add(
                    "netverks.lab.public-host must be a host name or an IP address (got '" + lab.publicHost() + "')");
        }
        if (!lab.embedded()) {
            if (listensBeyondLocalhost() || tls()) {
                problems.add("netverks.lab.listen-addresses and netverks.lab.tls-* configure the embedded sandbox"
                        + " cluster; with netverks.lab.servers set, configure those servers themselves");
            }
            return problems;
        }
        if (listensBeyondLocalhost() && isLoopback(lab.publicHost())) {
            problems.add("netverks.lab.listen-addresses lets other machines connect, but netverks.lab.public-host is "
                    + lab.publicHost() + ": set it to the host name learners' computers reach this server by");
        }
        if (listensBeyondLocalhost() && lab.embeddedPort() == 0) {
            problems.add("netverks.lab.listen-addresses lets other machines connect: set netverks.lab.embedded-port to"
                    + " a fixed port, so the connection details learners saved still work after a restart");
        }
        return problems;
    }

    /** postgresql.conf settings for the embedded cluster; {@code tlsDirectory} is relative to its data directory. */
    Map<String, String> serverSettings(String tlsDirectory) {
        Map<String, String> settings = new LinkedHashMap<>();
        List<String> addresses = new ArrayList<>(addresses());
        if (!addresses.contains("*") && !addresses.contains("localhost")) {
            addresses.add(0, "localhost");
        }
        settings.put("listen_addresses", String.join(",", addresses));
        if (tls()) {
            settings.put("ssl", "on");
            settings.put("ssl_cert_file", tlsDirectory + "/server.crt");
            settings.put("ssl_key_file", tlsDirectory + "/server.key");
            settings.put("ssl_min_protocol_version", "TLSv1.2");
        }
        return settings;
    }

    /**
     * pg_hba.conf lines for connections from other machines: only learners' roles (never the admin
     * or the grader's), with SCRAM, and over TLS when the cluster has a certificate.
     */
    List<String> remoteHbaLines() {
        if (!listensBeyondLocalhost()) {
            return List.of();
        }
        return List.of((tls() ? "hostssl" : "host") + "   all   /^lr_[a-z0-9]+$   all   scram-sha-256");
    }

    private List<String> addresses() {
        return Arrays.stream(listenAddresses.split(","))
                .filter(address -> !address.isEmpty())
                .toList();
    }

    private static Optional<String> pemProblem(String setting, String file, String kind) {
        Path path = Path.of(file);
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            return Optional.of(setting + ": " + file + " is not a readable file");
        }
        try {
            String text = Files.readString(path);
            if (!text.contains("-----BEGIN ") || !text.contains(kind + "-----")) {
                return Optional.of(setting + ": " + file + " is not a PEM " + kind.toLowerCase(Locale.ROOT) + " file");
            }
            if (text.contains("ENCRYPTED")) {
                return Optional.of(setting + ": " + file + " is encrypted; PostgreSQL needs the key without"
                        + " a passphrase (keep the file readable by this server only)");
            }
            return Optional.empty();
        } catch (IOException | java.io.UncheckedIOException e) {
            return Optional.of(setting + ": " + file + " cannot be read: " + e.getMessage());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
