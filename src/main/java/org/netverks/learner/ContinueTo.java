package org.netverks.learner;

/** Where to go back to after logging in or signing up: only a path on this site, never another site. */
final class ContinueTo {

    private ContinueTo() {}

    static String safe(String requested, String fallback) {
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
