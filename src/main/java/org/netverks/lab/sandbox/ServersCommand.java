package org.netverks.lab.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netverks.platform.AdminCommand;
import org.netverks.platform.CommandContext;
import org.netverks.platform.CommandException;
import org.netverks.platform.PlatformDatabase;
import org.netverks.platform.TextTable;
import org.springframework.boot.context.properties.bind.Bindable;

/**
 * {@code servers list} and {@code servers drain|resume SERVER}: the sandbox servers of
 * {@code NETVERKS_LAB_SERVERS} and whether new sandboxes avoid them ({@link SandboxServerDraining}).
 * The state lives in the platform database, so every app instance follows a change at its next
 * placement, without a restart.
 */
public final class ServersCommand implements AdminCommand {

    @Override
    public String name() {
        return "servers";
    }

    @Override
    public List<String> usage() {
        return List.of(
                "servers list                       sandbox servers: in service or draining, sandboxes on each",
                "servers drain SERVER               new sandboxes avoid SERVER (host:port); its learners keep theirs",
                "servers resume SERVER              put a draining SERVER back in service");
    }

    @Override
    public int run(List<String> arguments, CommandContext context) {
        String action = arguments.isEmpty() ? "" : arguments.get(0);
        if (action.equals("list") && arguments.size() == 1) {
            return withDraining(context, draining -> list(configured(context), draining, context));
        }
        if ((action.equals("drain") || action.equals("resume")) && arguments.size() == 2) {
            Map<String, SandboxServer> configured = configured(context);
            String server = arguments.get(1);
            if (configured.isEmpty()) {
                throw CommandException.failure("servers " + action + ": NETVERKS_LAB_SERVERS is not set, so the lab"
                        + " uses its one embedded sandbox cluster: there is no other server to send learners to.");
            }
            if (!configured.containsKey(server)) {
                throw CommandException.usage("servers " + action + ": '" + server
                        + "' is not a server of NETVERKS_LAB_SERVERS here; they are: "
                        + String.join(", ", configured.keySet()) + ".");
            }
            return withDraining(context, draining -> change(action, server, configured, draining, context));
        }
        throw CommandException.usage("servers: expected list, drain SERVER or resume SERVER.");
    }

    private interface Work {
        int on(SandboxServerDraining draining);
    }

    private static int withDraining(CommandContext context, Work work) {
        try (PlatformDatabase database = context.platformDatabase()) {
            database.requireTable("lab_sandbox_server");
            return work.on(new SandboxServerDraining(database.jdbc()));
        }
    }

    private static int change(
            String action,
            String server,
            Map<String, SandboxServer> configured,
            SandboxServerDraining draining,
            CommandContext context) {
        if (action.equals("drain")) {
            draining.drain(server);
            context.out()
                    .println(server + " is draining: new sandboxes go to the other servers; its learners keep"
                            + " theirs until they are idle.");
            if (draining.drainingIds().containsAll(configured.keySet())) {
                context.out()
                        .println("Every sandbox server is draining now: new learners get 'unavailable' until one"
                                + " is resumed (servers resume SERVER).");
            }
        } else {
            draining.resume(server);
            context.out().println(server + " is in service: new sandboxes may go there again.");
        }
        return 0;
    }

    private static int list(
            Map<String, SandboxServer> configured, SandboxServerDraining draining, CommandContext context) {
        Map<String, SandboxServerDraining.ServerState> known = new LinkedHashMap<>();
        draining.list().forEach(state -> known.put(state.serverId(), state));
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("SERVER", "STATE", "SANDBOXES", "CHANGED (UTC)"));
        List<String> ids = new ArrayList<>(configured.keySet());
        known.keySet().stream().filter(id -> !configured.containsKey(id)).forEach(ids::add);
        for (String id : ids) {
            SandboxServerDraining.ServerState state = known.get(id);
            String status = state != null && state.draining() ? "draining" : "in service";
            if (!configured.isEmpty() && !configured.containsKey(id)) {
                status = "not configured here";
            }
            rows.add(List.of(
                    id,
                    status,
                    String.valueOf(state == null ? 0 : state.sandboxes()),
                    state == null || state.changedAt() == null ? "" : TextTable.time(state.changedAt())));
        }
        if (rows.size() == 1) {
            context.out().println("No sandbox servers configured (NETVERKS_LAB_SERVERS) and no sandboxes recorded.");
            return 0;
        }
        TextTable.print(rows, context.out());
        return 0;
    }

    /** The servers of NETVERKS_LAB_SERVERS by id; empty when the app uses its embedded cluster. */
    static Map<String, SandboxServer> configured(CommandContext context) {
        Map<String, SandboxServer> servers = new LinkedHashMap<>();
        for (String url : context.setting("netverks.lab.servers", Bindable.listOf(String.class), List.of())) {
            try {
                SandboxServer server = SandboxServer.parse(url);
                servers.put(server.id(), server);
            } catch (IllegalArgumentException e) {
                throw CommandException.failure("NETVERKS_LAB_SERVERS: " + e.getMessage());
            }
        }
        return servers;
    }
}
