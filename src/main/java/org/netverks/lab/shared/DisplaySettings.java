package org.netverks.lab.shared;

/**
 * psql display settings a learner toggles with \x and \timing. They last for the browser session
 * (hence serializable), and both the runner and the psql package read them.
 */
public record DisplaySettings(boolean expanded, boolean timing) implements java.io.Serializable {

    public static final DisplaySettings DEFAULT = new DisplaySettings(false, false);
}
