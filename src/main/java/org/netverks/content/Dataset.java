package org.netverks.content;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A lab dataset: SQL run in order into a fresh database. {@code finaliseSql} may be empty.
 * The fingerprint changes whenever any file changes, so a lab can tell a stale copy; it is
 * computed once, at load, since the lab asks for it on every new sandbox.
 */
public record Dataset(String name, String schemaSql, String dataSql, String finaliseSql, String fingerprint) {

    public static Dataset of(String name, String schemaSql, String dataSql, String finaliseSql) {
        return new Dataset(name, schemaSql, dataSql, finaliseSql, digest(schemaSql, dataSql, finaliseSql));
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
