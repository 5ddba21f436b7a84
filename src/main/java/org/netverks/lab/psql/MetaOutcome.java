package org.netverks.lab.psql;

/** What a meta-command produced. */
public sealed interface MetaOutcome {

    /** Output laid out exactly as psql prints it (no trailing newline). */
    record Text(String text) implements MetaOutcome {}

    /** \x, \timing: the new settings and psql's message, e.g. "Expanded display is on." */
    record SettingChanged(PsqlSettings settings, String message) implements MetaOutcome {}

    /** A message psql would print as an error, or our "not supported" message. */
    record Failure(String message) implements MetaOutcome {}
}
