package org.netverks.lab.psql;

import java.util.Locale;
import java.util.Optional;
import org.netverks.lab.shared.DisplaySettings;

/** \x and \timing: psql's toggles, with its messages and its reading of on/off values. */
final class DisplayCommands {

    private DisplayCommands() {}

    static MetaCommandResult expanded(Optional<String> value, DisplaySettings settings) {
        if (value.isPresent() && value.get().equalsIgnoreCase("auto")) {
            // psql's "auto" switches to expanded only for tables wider than the terminal, and the
            // lab's output has no terminal width, so it behaves as psql does when output is piped: off
            return new MetaCommandResult.SettingChanged(
                    settings.withExpanded(false), "Expanded display is used automatically.");
        }
        boolean on;
        if (value.isEmpty()) {
            on = !settings.expanded();
        } else {
            Optional<Boolean> parsed = parseBoolean(value.get());
            if (parsed.isEmpty()) {
                return new MetaCommandResult.Failure("unrecognized value \"" + value.get() + "\" for \"expanded\"\n"
                        + "Available values are: on, off, auto.");
            }
            on = parsed.get();
        }
        return new MetaCommandResult.SettingChanged(
                settings.withExpanded(on), on ? "Expanded display is on." : "Expanded display is off.");
    }

    static MetaCommandResult timing(Optional<String> value, DisplaySettings settings) {
        boolean on = !settings.timing();
        if (value.isPresent()) {
            Optional<Boolean> parsed = parseBoolean(value.get());
            if (parsed.isEmpty()) {
                // psql reports the bad value, then the setting it kept
                return new MetaCommandResult.Failure("unrecognized value \"" + value.get() + "\" for \"\\timing\": "
                        + "Boolean expected\n" + timingMessage(settings.timing()));
            }
            on = parsed.get();
        }
        return new MetaCommandResult.SettingChanged(settings.withTiming(on), timingMessage(on));
    }

    private static String timingMessage(boolean on) {
        return on ? "Timing is on." : "Timing is off.";
    }

    /** psql's ParseVariableBool(): any unambiguous prefix of true/false/yes/no/on/off, or 1/0. */
    static Optional<Boolean> parseBoolean(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        if ("true".startsWith(v) || "yes".startsWith(v) || v.equals("1")) {
            return Optional.of(true);
        }
        if ("false".startsWith(v) || "no".startsWith(v) || v.equals("0")) {
            return Optional.of(false);
        }
        // a lone "o" could be either, so on/off need two letters
        if (v.length() >= 2 && "on".startsWith(v)) {
            return Optional.of(true);
        }
        if (v.length() >= 2 && "off".startsWith(v)) {
            return Optional.of(false);
        }
        return Optional.empty();
    }
}
