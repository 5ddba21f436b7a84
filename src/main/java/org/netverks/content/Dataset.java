package org.netverks.content;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A lab dataset: SQL scripts run in order into a fresh database (schema.sql, data.sql, a hidden
 * twin's changes.sql, finalise.sql), after the platform created its {@code extensions}; clones
 * look names up along {@code searchPath}. The fingerprint changes whenever any of it changes, so a
 * lab can tell a stale copy; it is computed once, at load, since the lab asks for it on every new
 * sandbox.
 *
 * @param scripts    each with the content path it came from, so a loading error can name the file
 * @param searchPath the schemas a session looks in, in order (["public"] unless the dataset says)
 * @param extensions trusted contrib extensions created in the template before the first script
 */
public record Dataset(
        String name, List<Script> scripts, List<String> searchPath, List<String> extensions, String fingerprint) {

    public Dataset {
        scripts = List.copyOf(scripts);
        searchPath = List.copyOf(searchPath);
        extensions = List.copyOf(extensions);
    }

    /** One SQL file of a dataset: its path under the content folder and its text. */
    public record Script(String file, String sql) {}

    public static Dataset of(String name, List<Script> scripts, List<String> searchPath, List<String> extensions) {
        List<String> parts = new ArrayList<>();
        for (Script script : scripts) {
            parts.add(script.file());
            parts.add(script.sql());
        }
        parts.add("search_path=" + String.join(",", searchPath));
        parts.add("extensions=" + String.join(",", extensions));
        return new Dataset(name, scripts, searchPath, extensions, digest(parts.toArray(String[]::new)));
    }

    /** A dataset in schema public, no extensions, from the usual three files (empty ones are left out). */
    public static Dataset of(String name, String schemaSql, String dataSql, String finaliseSql) {
        List<Script> scripts = new ArrayList<>();
        String folder = "datasets/" + name + "/";
        if (schemaSql != null && !schemaSql.isBlank()) {
            scripts.add(new Script(folder + "schema.sql", schemaSql));
        }
        if (dataSql != null && !dataSql.isBlank()) {
            scripts.add(new Script(folder + "data.sql", dataSql));
        }
        if (finaliseSql != null && !finaliseSql.isBlank()) {
            scripts.add(new Script(folder + "finalise.sql", finaliseSql));
        }
        return of(name, scripts, List.of("public"), List.of());
    }

    /** SHA-256 over the parts (a null counts as "null"), as hex: what changes when any part changes. */
    public static String digest(String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
