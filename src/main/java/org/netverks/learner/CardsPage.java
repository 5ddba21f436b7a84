package org.netverks.learner;

import java.util.List;

/** {@code /me/cards}: the cards due today. */
public record CardsPage(List<DashboardService.DueCard> cards) {}
