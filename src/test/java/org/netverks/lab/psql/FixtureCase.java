package org.netverks.lab.psql;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.netverks.lab.PracticeDatabase;

/** One line of psql/commands.tsv: a command whose output psql printed into psql/fixtures/. */
record FixtureCase(String name, String mode, String command) {

    /** Every case, whole scripts included (which PsqlScriptFixturesTest compares). */
    static List<FixtureCase> all() throws IOException {
        return PracticeDatabase.resource("commands.tsv")
                .lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("\t", 3))
                .map(fields -> new FixtureCase(fields[0], fields[1], fields[2]))
                .toList();
    }

    /** A whole script run with psql -f, whose output the lab's run of the same script must give. */
    boolean script() {
        return mode.equals("script");
    }

    boolean expanded() {
        return mode.endsWith("-x");
    }

    boolean query() {
        return mode.startsWith("sql");
    }

    /** What psql wrote to standard output, without its trailing newlines. */
    Optional<String> printed() throws IOException {
        return fixture(name + ".out");
    }

    /** What psql wrote to standard error (its "Did not find..." and error messages). */
    Optional<String> reported() throws IOException {
        return fixture(name + ".err");
    }

    private static Optional<String> fixture(String file) throws IOException {
        try (InputStream in = FixtureCase.class.getResourceAsStream("/psql/fixtures/" + file)) {
            return in == null
                    ? Optional.empty()
                    : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceFirst("\n+$", ""));
        }
    }

    @Override
    public String toString() {
        return name + ": " + command;
    }
}
