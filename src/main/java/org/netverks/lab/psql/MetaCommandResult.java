package org.netverks.lab.psql;

import org.netverks.lab.shared.DisplaySettings;

/** What a meta-command produced. */
public sealed interface MetaCommandResult {

    /** Output laid out exactly as psql prints it (no trailing newline). */
    record Text(String text) implements MetaCommandResult {}

    /**
     * \x, \timing, \pset, \set …: the new settings and psql's message, e.g. "Expanded display is on.";
     * empty where psql prints none (\set, \t on).
     */
    record SettingChanged(DisplaySettings settings, String message) implements MetaCommandResult {}

    /** A message psql would print as an error, or our "not supported" message. */
    record Failure(String message) implements MetaCommandResult {}
}
