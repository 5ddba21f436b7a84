package org.netverks.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Every test JVM keeps its data (the embedded clusters of each test app) in a folder of its own,
 * {@code target/test-data/<pid>}, which starts empty: no test sees sandboxes, accounts or threads
 * of an earlier run. Test apps name their folder {@code ${test-data.dir}/<name>}; this listener
 * sets that property before the first test and removes the folders of JVMs that are gone, after
 * stopping any PostgreSQL server that a killed run left running on them.
 *
 * <p>Registered in {@code META-INF/services}, so it runs under Maven and in an IDE alike.
 */
public class TestData implements LauncherSessionListener {

    /** The system property test apps resolve their data folder from. */
    public static final String PROPERTY = "test-data.dir";

    private static final Path ROOT = Path.of("target/test-data").toAbsolutePath();

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (System.getProperty(PROPERTY) != null) {
            return; // a second session in the same JVM keeps the first one's data
        }
        try {
            Files.createDirectories(ROOT);
            removeFoldersOfEndedRuns();
            Path own = ROOT.resolve(Long.toString(ProcessHandle.current().pid()));
            delete(own); // a pid can come back: what it left is not ours
            Files.createDirectories(own);
            System.setProperty(PROPERTY, own.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + ROOT, e);
        }
    }

    /** This JVM's folder for the test app called {@code name}. */
    public static Path dir(String name) {
        String own = System.getProperty(PROPERTY);
        if (own == null) {
            throw new IllegalStateException(TestData.class.getName() + " did not run: is META-INF/services missing?");
        }
        return Path.of(own).resolve(name);
    }

    private static void removeFoldersOfEndedRuns() throws IOException {
        List<Path> runs;
        try (Stream<Path> children = Files.list(ROOT)) {
            runs = children.toList();
        }
        for (Path run : runs) {
            if (!Files.isDirectory(run) || runIsAlive(run)) {
                continue;
            }
            for (Path cluster : clustersUnder(run)) {
                EmbeddedPostgresServer.stopStaleServer(cluster);
            }
            delete(run);
        }
    }

    /** A folder named by the pid of a JVM that still runs belongs to a parallel run: leave it alone. */
    private static boolean runIsAlive(Path run) {
        String name = run.getFileName().toString();
        if (!name.matches("\\d{1,18}")) {
            return false;
        }
        return ProcessHandle.of(Long.parseLong(name))
                .map(process -> process.info().command().orElse("").contains("java"))
                .orElse(false);
    }

    private static List<Path> clustersUnder(Path run) throws IOException {
        try (Stream<Path> files = Files.find(run, 4, (path, attributes) -> path.endsWith("postmaster.pid"))) {
            return files.map(Path::getParent).toList();
        }
    }

    private static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
