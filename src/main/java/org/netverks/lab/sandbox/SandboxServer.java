package org.netverks.lab.sandbox;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A PostgreSQL server that holds sandboxes, reached as a superuser. Learners never get these
 * credentials; they connect as their own sandbox role.
 */
public record SandboxServer(String id, String host, int port, String adminUser, String adminPassword) {

    /** The setting, as operators write it and as Spring names it, for messages. */
    static final String SETTING = "NETVERKS_LAB_SERVERS (netverks.lab.servers)";

    private static final String EXPECTED = " is not a URL like postgresql://USER:PASSWORD@HOST:5432 (the admin user of"
            + " a sandbox server, a superuser; several servers separated by commas; characters such as @ : / , % in"
            + " the password percent-encoded, e.g. %40 for @)";

    /**
     * Every server of the setting; any entry that cannot be used, or a server listed twice, stops
     * the start with all the problems, each naming the setting and the entry (password hidden).
     */
    public static List<SandboxServer> parseAll(List<String> urls) {
        List<String> problems = problemsIn(urls);
        if (!problems.isEmpty()) {
            throw new InvalidLabSettingsException(problems);
        }
        return urls.stream().map(SandboxServer::parse).toList();
    }

    /** What is wrong with the entries of the setting, one message each; empty: all usable. */
    public static List<String> problemsIn(List<String> urls) {
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < urls.size(); i++) {
            try {
                SandboxServer server = parse(urls.get(i));
                if (!ids.add(server.id())) {
                    problems.add(SETTING + ": entry " + (i + 1) + " lists server " + server.id()
                            + " again; list each sandbox server once");
                }
            } catch (IllegalArgumentException e) {
                problems.add(SETTING + ": entry " + (i + 1) + ", " + e.getMessage());
            }
        }
        return problems;
    }

    /** Parses {@code postgresql://user:password@host:port}. */
    public static SandboxServer parse(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("'" + redact(url) + "'" + EXPECTED);
        }
        if (!"postgresql".equals(uri.getScheme())
                || uri.getHost() == null
                || uri.getUserInfo() == null
                || !uri.getUserInfo().contains(":")
                || (uri.getPath() != null
                        && !uri.getPath().isEmpty()
                        && !uri.getPath().equals("/"))) {
            throw new IllegalArgumentException("'" + redact(url) + "'" + EXPECTED);
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

    /** The entry with its password hidden: everything between the user's colon and the last @. */
    static String redact(String url) {
        return url.strip().replaceAll("//([^:/@]*):.*@", "//$1:***@");
    }

    @Override
    public String toString() {
        return "SandboxServer[" + id + "]";
    }
}
