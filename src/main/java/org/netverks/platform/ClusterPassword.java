package org.netverks.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * The superuser password of an embedded cluster: made at its first start, kept in a file beside
 * its data that only the app's own user may read, and read back on every later start.
 */
public final class ClusterPassword {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private ClusterPassword() {}

    /** The password kept in {@code file}, made (24 letters and digits, ~143 bits) if there is none yet. */
    public static String readOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            restrictToOwner(file); // files written before this rule may be readable by others
            return Files.readString(file).strip();
        }
        Files.createDirectories(file.getParent());
        StringBuilder password = new StringBuilder(24);
        for (int i = 0; i < 24; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        try {
            // created readable by the owner only, so the password is never readable by others, not even briefly
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, password);
        return password.toString();
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the data folder's own permissions protect it
        }
    }
}
