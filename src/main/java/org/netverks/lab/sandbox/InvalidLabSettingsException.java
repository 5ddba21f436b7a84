package org.netverks.lab.sandbox;

import java.util.List;

/**
 * Lab settings that cannot work: the start stops, and {@link InvalidLabSettingsFailureAnalyzer}
 * prints the problems (each naming its setting) instead of a stack trace.
 */
public class InvalidLabSettingsException extends IllegalStateException {

    private final List<String> problems;

    public InvalidLabSettingsException(List<String> problems) {
        super("Invalid lab settings:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
