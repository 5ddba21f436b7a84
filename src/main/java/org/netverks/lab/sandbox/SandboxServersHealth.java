package org.netverks.lab.sandbox;

import java.util.stream.Stream;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} shows each sandbox server as a component of {@code sandboxServers}
 * named by its id ({@code host:port}, never its credentials), UP or DOWN, so an operator sees which
 * one is down without enabling details; with details, its connections and lock count (a shared lock
 * table that fills up stops every new connection in the cluster, so a high count is shown as DOWN
 * before learners notice) or why it is down. Each request checks every server
 * ({@link SandboxServerProbe}), which also refreshes what the lab knows of them. The list is read
 * when asked, not at start-up: the embedded cluster may still be starting then.
 */
@Component("sandboxServersHealthIndicator")
class SandboxServersHealth implements CompositeHealthContributor {

    private final SandboxServers servers;
    private final SandboxServerProbe probe;

    SandboxServersHealth(SandboxServers servers, SandboxServerProbe probe) {
        this.servers = servers;
        this.probe = probe;
    }

    @Override
    public HealthContributor getContributor(String name) {
        return servers.all().stream()
                .filter(server -> server.id().equals(name))
                .findFirst()
                .map(this::indicator)
                .orElse(null);
    }

    @Override
    public Stream<Entry> stream() {
        return servers.all().stream().map(server -> new Entry(server.id(), indicator(server)));
    }

    private HealthIndicator indicator(SandboxServer server) {
        return () -> {
            SandboxServerProbe.Result result = probe.check(server);
            return (result.up() ? Health.up() : Health.down())
                    .withDetails(result.details())
                    .build();
        };
    }
}
