package org.netverks.lab.sandbox;

import java.util.List;

/** The servers sandboxes are spread over. */
public record SandboxServers(List<SandboxServer> all) {

    public SandboxServers {
        all = List.copyOf(all);
    }

    public SandboxServer byId(String id) {
        return all.stream().filter(server -> server.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalStateException("sandbox server " + id + " is no longer configured"));
    }
}
