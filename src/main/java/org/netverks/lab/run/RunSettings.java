package org.netverks.lab.run;

/** psql display settings a learner toggles with \x and \timing; they last for the browser session. */
public record RunSettings(boolean expanded, boolean timing) implements java.io.Serializable {

    public static final RunSettings DEFAULT = new RunSettings(false, false);
}
