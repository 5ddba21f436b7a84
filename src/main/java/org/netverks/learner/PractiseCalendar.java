package org.netverks.learner;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.netverks.learner.StoredProgress.CardRating;
import org.netverks.learner.StoredProgress.CardRecord;
import org.netverks.learner.StoredProgress.LessonRecord;
import org.netverks.learner.StoredProgress.QuizAnswer;

/**
 * The days a learner practised over the last {@value #WEEKS} weeks, as the dashboard draws them: one
 * square per day, a column per week (Monday on top), shaded by how many things they did that day.
 * Days are UTC days, as the card schedule's are.
 *
 * @param days every day from the first column's Monday up to today, oldest first
 * @param months a label over the column where each month starts
 * @param activeDays days in the window with at least one action
 * @param longestStreak the most days in a row with an action, within the window
 */
public record PractiseCalendar(List<Day> days, List<MonthLabel> months, int activeDays, int longestStreak) {

    public static final int WEEKS = 26;

    /** One square's size and the gap after it, in SVG units. */
    public static final int CELL = 12;

    /** Room on the left for the weekday labels and on top for the month labels. */
    public static final int LEFT = 28;

    public static final int TOP = 16;

    public static final int WIDTH = LEFT + WEEKS * CELL;
    public static final int HEIGHT = TOP + 7 * CELL;

    /** A day's square: {@code level} 0 (nothing) to 4 (ten or more actions) picks its shade. */
    public record Day(LocalDate date, int actions, int level, int column, int row) {
        public int x() {
            return LEFT + column * CELL;
        }

        public int y() {
            return TOP + row * CELL;
        }

        /** What a hover or a screen reader says, e.g. "2026-11-30: 3 actions". */
        public String description() {
            return date + ": " + (actions == 0 ? "nothing" : actions + (actions == 1 ? " action" : " actions"));
        }
    }

    public record MonthLabel(String name, int x) {}

    /** The shade for a number of actions in a day: 0, 1–2, 3–5, 6–9, 10 or more. */
    static int level(int actions) {
        if (actions == 0) {
            return 0;
        }
        if (actions <= 2) {
            return 1;
        }
        if (actions <= 5) {
            return 2;
        }
        return actions <= 9 ? 3 : 4;
    }

    /** The calendar ending {@code today} (UTC), from the moments the learner did something. */
    static PractiseCalendar of(Collection<Instant> actions, LocalDate today) {
        Map<LocalDate, Integer> perDay = new HashMap<>();
        for (Instant action : actions) {
            perDay.merge(action.atZone(ZoneOffset.UTC).toLocalDate(), 1, Integer::sum);
        }
        LocalDate first =
                today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(WEEKS - 1);
        List<Day> days = new ArrayList<>();
        List<MonthLabel> months = new ArrayList<>();
        int activeDays = 0;
        int streak = 0;
        int longestStreak = 0;
        for (LocalDate date = first; !date.isAfter(today); date = date.plusDays(1)) {
            int count = perDay.getOrDefault(date, 0);
            Day day = new Day(
                    date,
                    count,
                    level(count),
                    (int) (ChronoUnit.DAYS.between(first, date) / 7),
                    date.getDayOfWeek().getValue() - 1);
            days.add(day);
            if (count > 0) {
                activeDays++;
                streak++;
                longestStreak = Math.max(longestStreak, streak);
            } else {
                streak = 0;
            }
            // a month is named over the week its first day falls in; the first column's month
            // only when it has room (two weeks) before the next name
            boolean monthStarts = date.getDayOfMonth() == 1
                    || (date.equals(first) && date.plusWeeks(2).getMonth() == date.getMonth());
            if (monthStarts) {
                months.add(new MonthLabel(date.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH), day.x()));
            }
        }
        return new PractiseCalendar(List.copyOf(days), List.copyOf(months), activeDays, longestStreak);
    }

    /**
     * Every moment the progress records a learner doing something: opening and completing a
     * lesson, rating it, answering a quiz question (the last answer: older ones are replaced),
     * solving an exercise, and each rating of a card.
     */
    static List<Instant> actions(Collection<LessonRecord> lessons) {
        List<Instant> moments = new ArrayList<>();
        for (LessonRecord lesson : lessons) {
            moments.add(lesson.openedAt());
            moments.add(lesson.completedAt());
            if (lesson.confidence() != null) {
                moments.add(lesson.confidence().savedAt());
            }
            lesson.quiz().values().stream().map(QuizAnswer::answeredAt).forEach(moments::add);
            lesson.exercises().values().forEach(solved -> moments.add(solved.solvedAt()));
            for (CardRecord card : lesson.cards().values()) {
                if (card.reviews() == null || card.reviews().isEmpty()) {
                    moments.add(card.ratedAt());
                } else {
                    card.reviews().stream().map(CardRating::ratedAt).forEach(moments::add);
                }
            }
        }
        moments.removeIf(moment -> moment == null);
        return moments;
    }
}
