package org.netverks.lab.plan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The cases of src/test/resources/plan/corpus.sql; the file's header says how a case is written. */
final class Corpus {

    private static final String TIMING_OFF = ", TIMING OFF, SUMMARY OFF";

    /**
     * @param setUp    statements run first, in the case's transaction
     * @param explain  the EXPLAIN as a learner would type it
     * @param expected text PostgreSQL's own output must contain
     */
    record Case(String name, List<String> setUp, String explain, List<String> expected) {

        /** Whether the output has times that change from run to run (ANALYZE or SUMMARY without TIMING OFF). */
        boolean hasTimings() {
            String options = explain.toUpperCase(java.util.Locale.ROOT);
            return (options.contains("ANALYZE") || options.contains("SUMMARY")) && !options.contains("SUMMARY OFF");
        }

        boolean analyzedWithoutTimings() {
            return explain.contains(TIMING_OFF);
        }

        /** The same case with timings and the summary back on. */
        Case timed() {
            return new Case(name + " (timed)", setUp, explain.replace(TIMING_OFF, ""), List.of());
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private Corpus() {}

    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        String name = null;
        List<String> statements = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        StringBuilder statement = new StringBuilder();
        for (String line : read().split("\n")) {
            if (line.startsWith("-- case: ")) {
                name = line.substring("-- case: ".length()).strip();
            } else if (line.startsWith("-- expect: ")) {
                expected.add(line.substring("-- expect: ".length()));
            } else if (!line.startsWith("--") && !line.isBlank()) {
                statement.append(statement.isEmpty() ? "" : "\n").append(line);
                if (line.endsWith(";")) {
                    statements.add(statement.toString());
                    statement.setLength(0);
                    if (statements
                            .get(statements.size() - 1)
                            .strip()
                            .toUpperCase()
                            .startsWith("EXPLAIN")) {
                        int last = statements.size() - 1;
                        cases.add(new Case(
                                name,
                                List.copyOf(statements.subList(0, last)),
                                statements.get(last),
                                List.copyOf(expected)));
                        statements.clear();
                        expected.clear();
                    }
                }
            }
        }
        return cases;
    }

    private static String read() {
        try (InputStream in = Corpus.class.getResourceAsStream("/plan/corpus.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
