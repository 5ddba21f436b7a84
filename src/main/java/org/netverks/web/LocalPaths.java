package org.netverks.web;

/**
 * A path to send a visitor back to ({@code continue=}, a moderator's {@code back=}): only a path on
 * this site, never another site ({@code //host}, {@code /\host}) or something with control characters.
 */
public final class LocalPaths {

    private LocalPaths() {}

    /** {@code requested} if it is a path on this site, else {@code fallback}. */
    public static String orElse(String requested, String fallback) {
        if (requested == null
                || requested.isBlank()
                || requested.length() > 2000
                || !requested.startsWith("/")
                || requested.startsWith("//")
                || requested.startsWith("/\\")
                || requested.chars().anyMatch(c -> c < 0x20)) {
            return fallback;
        }
        return requested;
    }
}
