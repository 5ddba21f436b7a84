package org.netverks.learner;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@code /me/cards}: the cards of one view (due today, practise ahead, or all). */
public record CardsPage(List<DashboardService.DueCard> cards, View view) {

    /** The views, as {@code ?view=} names them; due today when none is named. */
    public enum View {
        DUE("Cards due today", "/me/cards"),
        AHEAD("Practise ahead", "/me/cards?view=ahead"),
        ALL("All cards", "/me/cards?view=all");

        private final String title;
        private final String href;

        View(String title, String href) {
            this.title = title;
            this.href = href;
        }

        public String title() {
            return title;
        }

        public String href() {
            return href;
        }

        static Optional<View> named(String name) {
            if (name == null || name.isBlank()) {
                return Optional.of(DUE);
            }
            for (View view : values()) {
                if (view.name().toLowerCase(Locale.ROOT).equals(name)) {
                    return Optional.of(view);
                }
            }
            return Optional.empty();
        }
    }
}
