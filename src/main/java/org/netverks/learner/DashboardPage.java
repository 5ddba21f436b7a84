package org.netverks.learner;

/** {@code /me}: the learner's dashboard, and whether they just arrived (a welcome line). */
public record DashboardPage(Dashboard dashboard, boolean welcome) {}
