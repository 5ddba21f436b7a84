package org.netverks.lab.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.netverks.platform.AdminCommand;
import org.netverks.platform.CommandContext;
import org.netverks.platform.CommandException;
import org.netverks.platform.EmbeddedPostgresServer;
import org.netverks.platform.PlatformDatabase;
import org.netverks.platform.TextTable;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * {@code sandboxes list [--dataset D]} and {@code sandboxes drop DATABASE… | --idle-for 7d}: the
 * lab's sandboxes as the platform database records them, and dropping them (database and role on
 * their server, then the record) with the admin credentials the app uses: those in
 * {@code NETVERKS_LAB_SERVERS}, or the embedded sandbox cluster's (its password file under
 * {@code NETVERKS_DATA_DIR}, its port from its pid file). The embedded cluster runs only while
 * the app does; when it does not, nothing is dropped and the command says so. A learner whose
 * sandbox was dropped gets a fresh copy at their next run.
 */
public final class SandboxesCommand implements AdminCommand {

    private static final String EMBEDDED = "embedded";

    /** The servers the command can drop on, by id; {@code listed}: they come from NETVERKS_LAB_SERVERS. */
    private record Servers(Map<String, SandboxServer> byId, boolean listed) {}

    @Override
    public String name() {
        return "sandboxes";
    }

    @Override
    public List<String> usage() {
        return List.of(
                "sandboxes list [--dataset D]       every sandbox: database, dataset, owner, server, created, last used",
                "sandboxes drop DATABASE...         drop these sandboxes (their learners get fresh ones)",
                "sandboxes drop --idle-for 7d       drop the learners' sandboxes unused for that long (s, m, h, d)");
    }

    @Override
    public int run(List<String> arguments, CommandContext context) {
        String action = arguments.isEmpty() ? "" : arguments.get(0);
        List<String> rest = arguments.subList(Math.min(1, arguments.size()), arguments.size());
        if (action.equals("list")) {
            String dataset = datasetOption(rest);
            return withRepository(context, (repository, jdbc) -> list(repository, jdbc, dataset, context));
        }
        if (action.equals("drop")) {
            Optional<Duration> idle = idleOption(rest);
            if (idle.isEmpty()) {
                rest.forEach(SandboxesCommand::checkedDatabaseName);
            }
            return withRepository(
                    context,
                    (repository, jdbc) -> drop(
                            repository,
                            idle.map(repository::idleOwned).orElse(rest),
                            idle.isPresent() ? rest.get(1) : "",
                            context));
        }
        throw CommandException.usage("sandboxes: expected list or drop.");
    }

    private interface Work {
        int on(SandboxRepository repository, JdbcClient jdbc);
    }

    private static int withRepository(CommandContext context, Work work) {
        try (PlatformDatabase database = context.platformDatabase()) {
            database.requireTable("lab_sandbox");
            SandboxRepository repository =
                    new SandboxRepository(database.jdbc(), new DataSourceTransactionManager(database.dataSource()));
            return work.on(repository, database.jdbc());
        }
    }

    private static String datasetOption(List<String> options) {
        if (options.isEmpty()) {
            return null;
        }
        if (options.size() == 2 && options.get(0).equals("--dataset")) {
            return options.get(1);
        }
        throw CommandException.usage("sandboxes list: the only option is --dataset NAME.");
    }

    private static Optional<Duration> idleOption(List<String> options) {
        if (options.isEmpty()) {
            throw CommandException.usage("sandboxes drop: name the sandboxes' databases, or --idle-for 7d.");
        }
        if (!options.get(0).equals("--idle-for")) {
            return Optional.empty();
        }
        if (options.size() != 2) {
            throw CommandException.usage("sandboxes drop --idle-for takes one duration, such as 7d or 12h.");
        }
        Duration idle;
        try {
            idle = DurationStyle.SIMPLE.parse(options.get(1));
        } catch (IllegalArgumentException e) {
            throw CommandException.usage(
                    "sandboxes drop --idle-for: '" + options.get(1) + "' is not a duration such as 7d, 12h or 30m.");
        }
        if (idle.isNegative() || idle.isZero()) {
            throw CommandException.usage("sandboxes drop --idle-for: the duration must be more than 0.");
        }
        return Optional.of(idle);
    }

    private static String checkedDatabaseName(String name) {
        if (!name.matches("(sb|gr)_[a-z0-9]{12}")) {
            throw CommandException.usage("sandboxes drop: '" + name + "' is not a sandbox's database name (sb_… or "
                    + "gr_…, as 'sandboxes list' shows them).");
        }
        return name;
    }

    private static int list(SandboxRepository repository, JdbcClient jdbc, String dataset, CommandContext context) {
        List<SandboxRepository.Listed> sandboxes = repository.listing(dataset);
        if (sandboxes.isEmpty()) {
            context.out().println(dataset == null ? "No sandboxes." : "No sandboxes of dataset " + dataset + ".");
            return 0;
        }
        SandboxOwners owners = SandboxOwners.read(jdbc);
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("DATABASE", "DATASET", "OWNER", "SERVER", "CREATED (UTC)", "LAST USED (UTC)"));
        for (SandboxRepository.Listed listed : sandboxes) {
            rows.add(List.of(
                    listed.sandbox().database(),
                    listed.sandbox().dataset(),
                    owners.describe(listed),
                    listed.sandbox().serverId(),
                    TextTable.time(listed.createdAt()),
                    TextTable.time(listed.lastUsedAt())));
        }
        TextTable.print(rows, context.out());
        context.out().println(sandboxes.size() + " sandbox(es).");
        return 0;
    }

    private static int drop(
            SandboxRepository repository, List<String> databases, String idleFor, CommandContext context) {
        if (databases.isEmpty()) {
            context.out().println("No learner's sandbox has been unused for " + idleFor + ": nothing to drop.");
            return 0;
        }
        Servers servers = servers(context);
        int failed = 0;
        for (String database : databases) {
            try {
                Optional<Sandbox> dropped = repository.removeWith(database, sandbox -> dropOnServer(sandbox, servers));
                if (dropped.isEmpty()) {
                    context.err()
                            .println("No sandbox has the database " + database + " ('sandboxes list' shows them).");
                    failed++;
                } else {
                    context.out()
                            .println("Dropped " + database + " (dataset "
                                    + dropped.get().dataset() + ") and its role on "
                                    + dropped.get().serverId() + ".");
                }
            } catch (CommandException e) {
                context.err().println(database + ": " + e.getMessage());
                failed++;
            }
        }
        if (failed > 0) {
            context.err().println(failed + " of " + databases.size() + " sandbox(es) not dropped.");
            return 1;
        }
        return 0;
    }

    /** Drops the sandbox's database and role, or fails saying which server or setting is the trouble. */
    private static void dropOnServer(Sandbox sandbox, Servers servers) {
        SandboxServer server = servers.byId().get(sandbox.serverId());
        if (server == null) {
            throw CommandException.failure(
                    sandbox.serverId().equals(EMBEDDED) && !servers.listed()
                            ? "the embedded sandbox cluster is not running (it runs while the app does): start the app and "
                                    + "drop again. Nothing dropped."
                            : "its server " + sandbox.serverId()
                                    + " is not in NETVERKS_LAB_SERVERS here. Nothing dropped.");
        }
        try {
            SandboxProvisioner.drop(server, sandbox.database(), sandbox.role());
        } catch (SQLException e) {
            throw CommandException.failure(
                    "could not drop it on " + server.id() + ": " + e.getMessage() + ". Nothing dropped.", e);
        }
    }

    /**
     * The sandbox servers by id, with the app's admin credentials: NETVERKS_LAB_SERVERS, or the
     * embedded cluster while it runs (absent when it does not).
     */
    private static Servers servers(CommandContext context) {
        Map<String, SandboxServer> servers = ServersCommand.configured(context);
        if (!servers.isEmpty()) {
            return new Servers(servers, true);
        }
        Path dataDir = context.dataDir();
        try {
            OptionalInt port = EmbeddedPostgresServer.runningPort(dataDir.resolve("sandboxes"));
            Path passwordFile = dataDir.resolve("sandbox-admin-password");
            if (port.isPresent() && Files.exists(passwordFile)) {
                servers.put(
                        EMBEDDED,
                        new SandboxServer(
                                EMBEDDED,
                                "localhost",
                                port.getAsInt(),
                                "postgres",
                                Files.readString(passwordFile).strip()));
            }
        } catch (IOException e) {
            throw CommandException.failure(
                    "Could not read the embedded sandbox cluster's files in " + dataDir + " (NETVERKS_DATA_DIR): "
                            + e.getMessage(),
                    e);
        }
        return new Servers(servers, false);
    }
}
