package org.netverks.learner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.netverks.learner.StoredProgress.CardRating;
import org.netverks.learner.StoredProgress.CardRecord;
import org.netverks.learner.StoredProgress.Confidence;
import org.netverks.learner.StoredProgress.ExerciseSolved;
import org.netverks.learner.StoredProgress.LessonRecord;
import org.netverks.learner.StoredProgress.QuizAnswer;

/** Actions bucketed by UTC day, the 26-week grid, active days and the longest streak. */
class PractiseCalendarTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7); // a Monday

    private static PractiseCalendar calendar(String... moments) {
        return PractiseCalendar.of(List.of(moments).stream().map(Instant::parse).toList(), TODAY);
    }

    private static PractiseCalendar.Day day(PractiseCalendar calendar, String date) {
        return calendar.days().stream()
                .filter(day -> day.date().equals(LocalDate.parse(date)))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theGridRunsFromAMondayTwentyFiveWeeksBackToToday() {
        PractiseCalendar calendar = calendar();
        assertThat(calendar.days().get(0).date()).isEqualTo(LocalDate.of(2026, 6, 15));
        assertThat(calendar.days().get(0).date().getDayOfWeek()).hasToString("MONDAY");
        assertThat(calendar.days())
                .last()
                .extracting(PractiseCalendar.Day::date)
                .isEqualTo(TODAY);
        assertThat(calendar.days()).hasSize(25 * 7 + 1);
        PractiseCalendar.Day today = day(calendar, TODAY.toString());
        assertThat(today.column()).isEqualTo(25);
        assertThat(today.row()).isZero();
        assertThat(day(calendar, "2026-12-06").row()).as("Sunday at the bottom").isEqualTo(6);
        assertThat(calendar.activeDays()).isZero();
        assertThat(calendar.longestStreak()).isZero();
        assertThat(calendar.months())
                .extracting(PractiseCalendar.MonthLabel::name)
                .containsExactly("Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec");
    }

    @Test
    void actionsCountOnTheirUtcDay() {
        PractiseCalendar calendar = calendar(
                "2026-12-05T23:59:59Z",
                "2026-12-05T00:00:00Z",
                "2026-12-06T00:00:00Z",
                "2026-12-07T10:00:00Z",
                "2026-12-07T11:00:00Z",
                "2026-12-07T12:00:00Z");
        assertThat(day(calendar, "2026-12-05").actions()).isEqualTo(2);
        assertThat(day(calendar, "2026-12-06").actions()).isEqualTo(1);
        assertThat(day(calendar, "2026-12-07").actions()).isEqualTo(3);
        assertThat(day(calendar, "2026-12-07").level()).isEqualTo(2);
        assertThat(day(calendar, "2026-12-04").level()).isZero();
        assertThat(calendar.activeDays()).isEqualTo(3);
        assertThat(calendar.longestStreak()).isEqualTo(3);
    }

    @Test
    void theLongestStreakIsTheLongestRunOfDaysWithinTheWindow() {
        PractiseCalendar calendar = calendar(
                "2026-01-01T10:00:00Z", // before the window: not counted
                "2026-11-01T10:00:00Z",
                "2026-11-02T10:00:00Z",
                "2026-11-03T10:00:00Z",
                "2026-11-04T10:00:00Z",
                "2026-11-10T10:00:00Z",
                "2026-12-06T10:00:00Z",
                "2026-12-07T10:00:00Z");
        assertThat(calendar.activeDays()).isEqualTo(7);
        assertThat(calendar.longestStreak()).isEqualTo(4);
    }

    @Test
    void shadesGrowWithTheNumberOfActions() {
        assertThat(List.of(0, 1, 2, 3, 5, 6, 9, 10, 50))
                .extracting(PractiseCalendar::level)
                .containsExactly(0, 1, 1, 2, 2, 3, 3, 4, 4);
    }

    @Test
    void everyRecordedMomentIsAnAction() {
        Instant at = Instant.parse("2026-12-01T09:00:00Z");
        LessonRecord lesson = new LessonRecord(
                at,
                at,
                null,
                new Confidence(4, at),
                Map.of("q1", new QuizAnswer("b", true, at)),
                Map.of("e1", new ExerciseSolved(at)),
                Map.of(
                        "c1",
                        new CardRecord(
                                List.of(new CardRating("good", at), new CardRating("good", at)),
                                "good",
                                at,
                                null,
                                null)));
        LessonRecord opened = new LessonRecord(at, null, null, null, Map.of(), Map.of(), Map.of());
        assertThat(PractiseCalendar.actions(List.of(lesson, opened)))
                .as("opened, completed, rated, answered, solved, two card reviews; then opened")
                .hasSize(8);
    }
}
