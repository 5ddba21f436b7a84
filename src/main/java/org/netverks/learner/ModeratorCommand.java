package org.netverks.learner;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.netverks.platform.AdminCommand;
import org.netverks.platform.CommandContext;
import org.netverks.platform.CommandException;
import org.netverks.platform.PlatformDatabase;
import org.netverks.platform.TextTable;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code moderator add|remove EMAIL} and {@code moderator list}: moderators granted in the
 * platform database ({@code moderator_grant}), beside the configured ones
 * ({@code NETVERKS_MODERATORS}). A grant for an address without an account, or whose account has
 * not confirmed it, is recorded and applies once an account has it confirmed (the rule that a
 * moderator's address is confirmed holds either way). Every app instance applies a change to
 * signed-in learners within {@link Moderators#FRESH_FOR}.
 */
public final class ModeratorCommand implements AdminCommand {

    private static final String CONFIGURED = "NETVERKS_MODERATORS";

    @Override
    public String name() {
        return "moderator";
    }

    @Override
    public List<String> usage() {
        return List.of(
                "moderator add EMAIL      make the account with this address a moderator",
                "moderator remove EMAIL   take the rights granted by 'moderator add' away",
                "moderator list           moderators from the database and from " + CONFIGURED);
    }

    @Override
    public int run(List<String> arguments, CommandContext context) {
        String action = arguments.isEmpty() ? "" : arguments.get(0);
        int expected = action.equals("list") ? 1 : 2;
        if (!List.of("add", "remove", "list").contains(action) || arguments.size() != expected) {
            throw CommandException.usage("moderator: expected add EMAIL, remove EMAIL or list.");
        }
        String email = expected == 2 ? address(arguments.get(1)) : null;
        try (PlatformDatabase database = context.platformDatabase()) {
            database.requireTable("moderator_grant");
            JdbcClient jdbc = database.jdbc();
            List<String> configured = configured(context);
            return switch (action) {
                case "add" -> add(jdbc, email, context);
                case "remove" -> remove(jdbc, email, configured.contains(email), context);
                default -> list(jdbc, configured, context);
            };
        }
    }

    private static String address(String argument) {
        Optional<String> problem = AccountRules.emailProblem(argument);
        if (problem.isPresent()) {
            throw CommandException.usage("moderator: '" + argument + "' is not an e-mail address: " + problem.get());
        }
        return argument.strip().toLowerCase(Locale.ROOT);
    }

    /** The configured moderators, as set where the command runs (the app's own environment, normally). */
    private static List<String> configured(CommandContext context) {
        return Moderators.configured(context.setting("netverks.moderators", Bindable.listOf(String.class), List.of()));
    }

    private static int add(JdbcClient jdbc, String email, CommandContext context) {
        int added = jdbc.sql("insert into moderator_grant (email) values (:email) on conflict do nothing")
                .param("email", email)
                .update();
        // the flag log-ins read; sessions already open are brought up to date by ModeratorRights
        jdbc.sql(
                        "update learner_account set moderator = true where lower(email) = :email and email_verified_at is not null")
                .param("email", email)
                .update();
        String state = accountState(jdbc, email)
                .map(confirmed -> confirmed
                        ? "its account can moderate now (signed-in sessions within " + Moderators.FRESH_FOR.toSeconds()
                                + " s)."
                        : "its account has not confirmed the address yet: the rights apply once it does.")
                .orElse("no account has this address yet: the rights apply once one signs up with it and confirms it.");
        context.out().println(email + (added == 1 ? " is now a moderator; " : " was already a moderator; ") + state);
        return 0;
    }

    private static int remove(JdbcClient jdbc, String email, boolean configured, CommandContext context) {
        int removed = jdbc.sql("delete from moderator_grant where email = :email")
                .param("email", email)
                .update();
        if (configured) {
            context.out()
                    .println(email + " stays a moderator: " + CONFIGURED + " lists it. Remove it there and restart "
                            + "the app" + (removed == 1 ? " (its grant in the database is removed)." : "."));
            return removed == 1 ? 0 : 1;
        }
        if (removed == 0) {
            throw CommandException.failure(
                    email + " is not a moderator in the database: nothing removed ('moderator list' shows them).");
        }
        jdbc.sql("update learner_account set moderator = false where lower(email) = :email")
                .param("email", email)
                .update();
        context.out()
                .println(email + " is no longer a moderator (signed-in sessions within "
                        + Moderators.FRESH_FOR.toSeconds() + " s).");
        return 0;
    }

    private static int list(JdbcClient jdbc, List<String> configured, CommandContext context) {
        Map<String, List<String>> sources = new TreeMap<>();
        jdbc.sql("select email from moderator_grant")
                .query(String.class)
                .list()
                .forEach(email ->
                        sources.computeIfAbsent(email, e -> new ArrayList<>()).add("database"));
        configured.forEach(
                email -> sources.computeIfAbsent(email, e -> new ArrayList<>()).add(CONFIGURED));
        if (sources.isEmpty()) {
            context.out().println("No moderators: none in the database, and " + CONFIGURED + " is not set here.");
            return 0;
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("EMAIL", "SOURCE", "ACCOUNT"));
        sources.forEach((email, from) -> rows.add(List.of(
                email,
                String.join(", ", from),
                accountState(jdbc, email)
                        .map(confirmed -> confirmed ? "confirmed: moderates" : "address not confirmed: no rights yet")
                        .orElse("no account yet"))));
        TextTable.print(rows, context.out());
        return 0;
    }

    /** Empty: no account has the address; else whether the account confirmed it. */
    private static Optional<Boolean> accountState(JdbcClient jdbc, String email) {
        return jdbc.sql("select email_verified_at is not null from learner_account where lower(email) = :email")
                .param("email", email)
                .query(Boolean.class)
                .optional();
    }
}
