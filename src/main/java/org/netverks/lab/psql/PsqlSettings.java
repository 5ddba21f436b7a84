package org.netverks.lab.psql;

/** Display settings a learner toggles with \x and \timing; kept per learner by the caller. */
public record PsqlSettings(boolean expanded, boolean timing) {
    public static final PsqlSettings DEFAULT = new PsqlSettings(false, false);
}
