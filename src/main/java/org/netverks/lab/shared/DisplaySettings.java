package org.netverks.lab.shared;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a learner's psql commands set for the runs that follow: \x, \timing, the printing options
 * of \pset (\t, \a) and the variables of \set. They last for the browser session (hence
 * serializable), and both the runner and the psql package read them.
 *
 * <p>A value stored by an older version of the lab lacks the newer components; Java
 * deserialization passes null for them, and the constructor reads null as psql's defaults.
 *
 * @param variables the learner's \set variables, sorted by name as psql lists them
 */
public record DisplaySettings(boolean expanded, boolean timing, PrintOptions print, SortedMap<String, String> variables)
        implements java.io.Serializable {

    public static final DisplaySettings DEFAULT = new DisplaySettings(false, false);

    /**
     * The longest text a statement or a backslash command may become with its variables put in:
     * a short script naming a large variable many times must not grow without bound in the app.
     */
    public static final int MAX_INTERPOLATED_CHARS = 1024 * 1024;

    public DisplaySettings {
        print = print == null ? PrintOptions.DEFAULT : print;
        variables = Collections.unmodifiableSortedMap(new TreeMap<>(variables == null ? Map.of() : variables));
    }

    public DisplaySettings(boolean expanded, boolean timing) {
        this(expanded, timing, PrintOptions.DEFAULT, null);
    }

    public DisplaySettings withExpanded(boolean newExpanded) {
        return new DisplaySettings(newExpanded, timing, print, variables);
    }

    public DisplaySettings withTiming(boolean newTiming) {
        return new DisplaySettings(expanded, newTiming, print, variables);
    }

    public DisplaySettings withPrint(PrintOptions newPrint) {
        return new DisplaySettings(expanded, timing, newPrint, variables);
    }

    public DisplaySettings withVariables(Map<String, String> newVariables) {
        return new DisplaySettings(expanded, timing, print, new TreeMap<>(newVariables));
    }

    /** True when psql would print a query's rows in its default layout, the one the page draws as a table. */
    public boolean defaultLayout() {
        return !expanded && print.equals(PrintOptions.DEFAULT);
    }
}
