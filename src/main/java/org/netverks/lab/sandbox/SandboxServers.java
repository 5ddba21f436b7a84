package org.netverks.lab.sandbox;

import java.util.List;
import java.util.function.Supplier;

/**
 * The servers sandboxes are spread over. The list may still be coming (the embedded cluster
 * starts in the background so that lesson pages are served meanwhile): {@link #all()} waits.
 */
public final class SandboxServers {

    private final Supplier<List<SandboxServer>> servers;

    SandboxServers(Supplier<List<SandboxServer>> servers) {
        this.servers = servers;
    }

    public List<SandboxServer> all() {
        return servers.get();
    }

    public SandboxServer byId(String id) {
        return all().stream().filter(server -> server.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalStateException("sandbox server " + id + " is no longer configured"));
    }
}
