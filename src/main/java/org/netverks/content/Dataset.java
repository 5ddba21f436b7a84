package org.netverks.content;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A lab dataset: SQL run in order into a fresh database. {@code finaliseSql} may be empty.
 * The fingerprint changes whenever any file changes, so a lab can tell a stale copy.
 */
public record Dataset(String name, String schemaSql, String dataSql, String finaliseSql) {

    public String fingerprint() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {schemaSql, dataSql, finaliseSql}) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
