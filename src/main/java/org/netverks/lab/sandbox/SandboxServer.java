package org.netverks.lab.sandbox;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A PostgreSQL server that holds sandboxes, reached as a superuser. Learners never get these
 * credentials; they connect as their own sandbox role.
 */
public record SandboxServer(String id, String host, int port, String adminUser, String adminPassword) {

    /** Parses {@code postgresql://user:password@host:port}. */
    public static SandboxServer parse(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "'" + redact(url) + "' is not a URL like postgresql://user:password@host:5432");
        }
        if (!"postgresql".equals(uri.getScheme())
                || uri.getHost() == null
                || uri.getUserInfo() == null
                || !uri.getUserInfo().contains(":")) {
            throw new IllegalArgumentException(
                    "'" + redact(url) + "' is not a URL like postgresql://user:password@host:5432");
        }
        String[] userInfo = uri.getUserInfo().split(":", 2);
        int port = uri.getPort() > 0 ? uri.getPort() : 5432;
        return new SandboxServer(
                uri.getHost() + ":" + port,
                uri.getHost(),
                port,
                URLDecoder.decode(userInfo[0], StandardCharsets.UTF_8),
                URLDecoder.decode(userInfo[1], StandardCharsets.UTF_8));
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    private static String redact(String url) {
        return url.replaceAll("//([^:/@]*):[^@]*@", "//$1:***@");
    }

    @Override
    public String toString() {
        return "SandboxServer[" + id + "]";
    }
}
