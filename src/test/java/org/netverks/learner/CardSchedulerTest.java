package org.netverks.learner;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SM-2 intervals, rating by rating. */
class CardSchedulerTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 1);

    private static CardScheduler.Schedule after(String... ratings) {
        List<CardScheduler.Review> reviews = new ArrayList<>();
        LocalDate day = DAY;
        for (String rating : ratings) {
            reviews.add(new CardScheduler.Review(day, rating));
            CardScheduler.Schedule schedule = CardScheduler.replay(reviews);
            day = schedule.dueOn(); // each review happens on the day the card is due
        }
        return CardScheduler.replay(reviews);
    }

    @Test
    void goodGoesOneDayThenSixThenGrowsByTheEase() {
        assertThat(after("good").intervalDays()).isEqualTo(1);
        assertThat(after("good", "good").intervalDays()).isEqualTo(6);
        assertThat(after("good", "good", "good").intervalDays()).isEqualTo(15);
        assertThat(after("good", "good", "good", "good").intervalDays()).isEqualTo(38);
        assertThat(after("good", "good", "good").dueOn()).isEqualTo(DAY.plusDays(1 + 6 + 15));
        assertThat(after("good", "good", "good").ease()).isEqualByComparingTo("2.50");
    }

    @Test
    void againBringsTheCardBackTheSameDayAndStartsOver() {
        CardScheduler.Schedule forgotten = after("good", "good", "again");
        assertThat(forgotten.intervalDays()).isZero();
        assertThat(forgotten.repetitions()).isZero();
        assertThat(forgotten.dueOn()).isEqualTo(DAY.plusDays(7));
        assertThat(forgotten.ease()).isEqualByComparingTo("2.30");
        assertThat(after("good", "good", "again", "good").intervalDays()).isEqualTo(1);
    }

    @Test
    void hardGrowsSlowlyAndEasyFast() {
        assertThat(after("good", "good", "hard").intervalDays()).isEqualTo(7);
        assertThat(after("good", "good", "hard").ease()).isEqualByComparingTo("2.35");
        assertThat(after("easy").intervalDays()).isEqualTo(4);
        assertThat(after("easy", "easy").intervalDays()).isEqualTo(8);
        assertThat(after("good", "good", "easy").intervalDays()).isEqualTo(20); // 6 × 2.5 = 15, × 1.3
        assertThat(after("good", "good", "easy").ease()).isEqualByComparingTo("2.65");
    }

    @Test
    void easeNeverFallsBelowItsFloor() {
        String[] lapses = new String[12];
        java.util.Arrays.fill(lapses, "again");
        assertThat(after(lapses).ease()).isEqualByComparingTo(CardScheduler.MIN_EASE);
        assertThat(after("hard", "hard", "hard", "hard", "hard", "hard", "hard", "hard", "hard", "hard")
                        .ease())
                .isEqualByComparingTo(new BigDecimal("1.30"));
    }

    @Test
    void replayingTheSameRatingsGivesTheSameSchedule() {
        assertThat(after("good", "hard", "easy", "again", "good"))
                .isEqualTo(after("good", "hard", "easy", "again", "good"));
    }

    @Test
    void anIntervalStopsAtAHundredYearsHoweverManyRatingsTheBrowserSends() {
        List<CardScheduler.Review> reviews = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            reviews.add(new CardScheduler.Review(DAY.plusDays(i), i % 2 == 0 ? "easy" : "good"));
        }
        CardScheduler.Schedule schedule = CardScheduler.replay(reviews);
        assertThat(schedule.intervalDays()).isEqualTo(CardScheduler.MAX_INTERVAL_DAYS);
        assertThat(schedule.dueOn()).isEqualTo(DAY.plusDays(499 + CardScheduler.MAX_INTERVAL_DAYS));
    }

    @Test
    void theButtonsPreviewIsWhatRatingWouldSchedule() {
        java.util.Map<String, Integer> next = CardScheduler.nextIntervals(java.util.List.of("good", "good"));
        assertThat(next)
                .containsExactly(
                        java.util.Map.entry("again", 0),
                        java.util.Map.entry(
                                "hard", after("good", "good", "hard").intervalDays()),
                        java.util.Map.entry(
                                "good", after("good", "good", "good").intervalDays()),
                        java.util.Map.entry(
                                "easy", after("good", "good", "easy").intervalDays()));
        assertThat(next.get("good")).isEqualTo(15);
    }
}
