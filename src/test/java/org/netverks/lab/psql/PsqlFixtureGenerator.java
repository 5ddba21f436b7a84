package org.netverks.lab.psql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.netverks.lab.PracticeDatabase;

/**
 * Regenerates psql/fixtures/ by running the real psql client against the same database the tests
 * use. Run from the repository root with psql on the PATH, after compiling the tests:
 * {@code java -cp target/test-classes:target/classes:<test classpath> org.netverks.lab.psql.PsqlFixtureGenerator}.
 * The port of the throwaway server is replaced by ${port} in the output.
 */
final class PsqlFixtureGenerator {

    private static final Path RESOURCES = Path.of("src/test/resources/psql");
    private static final Path FIXTURES = RESOURCES.resolve("fixtures");

    private PsqlFixtureGenerator() {}

    public static void main(String[] args) throws Exception {
        PracticeDatabase database = PracticeDatabase.get();
        Files.createDirectories(FIXTURES);
        for (FixtureCase fixture : FixtureCase.all()) {
            List<String> options = new ArrayList<>();
            if (fixture.expanded()) {
                options.add("-x");
            }
            switch (fixture.mode()) {
                case "sql", "sql-x" ->
                    options.addAll(List.of("-f", query(fixture.command()).toString()));
                case "script" ->
                    options.addAll(List.of(
                            "-f",
                            RESOURCES
                                    .resolve("scripts")
                                    .resolve(fixture.command())
                                    .toString()));
                case "psql17" -> {
                    Path query = query(fixture.name() + ".sql");
                    List<String> lines = Files.readAllLines(query);
                    options.addAll(List.of("-P", "title=" + lines.get(0).replaceFirst("^-- ", "")));
                    // "-- pset: footer=off" lines: settings of psql's own layout (no row count for \du)
                    lines.stream()
                            .filter(line -> line.startsWith("-- pset: "))
                            .forEach(line -> options.addAll(List.of("-P", line.substring("-- pset: ".length()))));
                    options.addAll(List.of("-f", query.toString()));
                }
                default -> options.addAll(List.of("-c", fixture.command()));
            }
            psql(database, fixture.name(), options);
        }
        // psql's own help, which HelpTest holds the lab's cut-down \? against
        psql(database, "psql_help", List.of("-c", "\\?"));
    }

    private static Path query(String file) {
        return RESOURCES.resolve("queries").resolve(file);
    }

    private static void psql(PracticeDatabase database, String name, List<String> options)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                "psql",
                "-X",
                "-P",
                "pager=off",
                "-h",
                "localhost",
                "-p",
                Integer.toString(database.port()),
                "-U",
                PracticeDatabase.ROLE,
                "-d",
                PracticeDatabase.DATABASE));
        command.addAll(options);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("LC_ALL", "C.UTF-8");
        builder.environment().put("PGCLIENTENCODING", "UTF8");
        Path stdout = FIXTURES.resolve(name + ".out");
        Path stderr = FIXTURES.resolve(name + ".err");
        builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        builder.start().waitFor();
        String printed = Files.readString(stdout, StandardCharsets.UTF_8);
        Files.writeString(stdout, printed.replace("at port \"" + database.port() + "\"", "at port \"${port}\""));
        deleteIfEmpty(stdout);
        deleteIfEmpty(stderr);
        System.out.println("wrote " + name);
    }

    private static void deleteIfEmpty(Path file) throws IOException {
        if (Files.size(file) == 0) {
            Files.delete(file);
        }
    }
}
