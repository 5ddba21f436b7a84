package org.netverks.learner;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SM-2 spaced repetition with four answers, as flashcard apps use it. A card's schedule is the
 * result of replaying its ratings in order, so merging the same ratings twice gives the same
 * schedule. "Again" brings a card back the same day; "good" goes 1 day, 6 days, then the previous
 * interval times the card's ease; "hard" grows the interval by 1.2 and lowers the ease; "easy"
 * grows it faster and raises the ease. Ease never drops below 1.3; an interval never passes
 * {@link #MAX_INTERVAL_DAYS}.
 */
final class CardScheduler {

    static final BigDecimal START_EASE = new BigDecimal("2.50");
    static final BigDecimal MIN_EASE = new BigDecimal("1.30");
    /** A hundred years: ratings come from the browser, and enough "easy" ones would overflow any date. */
    static final int MAX_INTERVAL_DAYS = 36_500;

    /** The four answers, from "did not know it" to "knew it at once". */
    static final List<String> RATINGS = List.of("again", "hard", "good", "easy");

    private CardScheduler() {}

    record Review(LocalDate day, String rating) {}

    record Schedule(int repetitions, BigDecimal ease, int intervalDays, LocalDate dueOn) {}

    static Schedule replay(List<Review> reviews) {
        int repetitions = 0;
        BigDecimal ease = START_EASE;
        int interval = 0;
        LocalDate due = null;
        for (Review review : reviews) {
            switch (review.rating()) {
                case "again" -> {
                    repetitions = 0;
                    interval = 0;
                    ease = ease.subtract(new BigDecimal("0.20"));
                }
                case "hard" -> {
                    interval = repetitions == 0
                            ? 1
                            : Math.min(MAX_INTERVAL_DAYS, Math.max(interval + 1, (int) Math.round(interval * 1.2)));
                    ease = ease.subtract(new BigDecimal("0.15"));
                    repetitions++;
                }
                case "good" -> {
                    interval = repetitions == 0 ? 1 : repetitions == 1 ? 6 : grow(interval, ease);
                    repetitions++;
                }
                case "easy" -> {
                    interval = repetitions == 0
                            ? 4
                            : repetitions == 1
                                    ? 8
                                    : (int) Math.min(MAX_INTERVAL_DAYS, Math.round(grow(interval, ease) * 1.3));
                    ease = ease.add(new BigDecimal("0.15"));
                    repetitions++;
                }
                default -> throw new IllegalArgumentException("unknown rating " + review.rating());
            }
            ease = ease.max(MIN_EASE).setScale(2, RoundingMode.HALF_UP);
            due = review.day().plusDays(interval);
        }
        return new Schedule(repetitions, ease, interval, due);
    }

    /**
     * For a card rated {@code ratings} so far (oldest first), how many days each answer would put it
     * away for: the rating buttons say "Good · 6 days", so the four no longer look alike. The days
     * between reviews do not change an interval, only the answers do.
     */
    static Map<String, Integer> nextIntervals(List<String> ratings) {
        List<Review> reviews = new ArrayList<>();
        for (String rating : ratings) {
            reviews.add(new Review(LocalDate.EPOCH, rating));
        }
        Map<String, Integer> next = new LinkedHashMap<>();
        for (String rating : RATINGS) {
            reviews.add(new Review(LocalDate.EPOCH, rating));
            next.put(rating, replay(reviews).intervalDays());
            reviews.remove(reviews.size() - 1);
        }
        return next;
    }

    private static int grow(int interval, BigDecimal ease) {
        return Math.min(
                MAX_INTERVAL_DAYS,
                Math.max(
                        interval + 1,
                        new BigDecimal(interval)
                                .multiply(ease)
                                .setScale(0, RoundingMode.HALF_UP)
                                .intValue()));
    }
}
