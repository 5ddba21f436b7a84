package org.netverks.lab.sandbox;

import java.security.SecureRandom;

/**
 * Random names and passwords for sandboxes. They go into DDL (CREATE ROLE cannot take bind
 * parameters), so they are made only from a fixed alphabet and checked before use.
 */
final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String MIXED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private Secrets() {}

    /** 12 characters of [a-z0-9]: about 62 bits, enough to make names unguessable. */
    static String nameSuffix() {
        return random(LOWER, 12);
    }

    static String password() {
        return random(MIXED, 24);
    }

    /** Guards every value that is about to be spliced into DDL. */
    static String checkedIdentifier(String identifier) {
        if (!identifier.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a safe identifier: " + identifier);
        }
        return identifier;
    }

    static String checkedPassword(String password) {
        if (!password.matches("[A-Za-z0-9]{16,64}")) {
            throw new IllegalArgumentException("not a generated password");
        }
        return password;
    }

    private static String random(String alphabet, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
