package org.netverks.learner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's scatter of confidence against measured score, one numbered dot per rated lesson
 * (the number is the lesson's row in the table below it). Positions are worked out here, in SVG
 * units, so the template only draws. Lessons with nothing tried yet have no score: they stand in a
 * lane of their own left of the axis, rather than at 0 %, which would call them wrong.
 *
 * @param band the "where they agree" band (rating within the margin of the score), as polygon points
 * @param summary what the chart shows, in words, for screen readers
 */
public record ConfidenceChart(List<Dot> dots, String band, String summary) {

    public static final int WIDTH = 365;
    public static final int HEIGHT = 250;

    /** The plot: score 0–100 % left to right, confidence 1–5 bottom to top. */
    public static final int PLOT_LEFT = 100;

    public static final int PLOT_RIGHT = 345;
    public static final int PLOT_TOP = 15;
    public static final int PLOT_BOTTOM = 192;

    /** The middle of the lane for lessons without a score. */
    public static final int UNTESTED_X = 62;

    public static final int DOT_RADIUS = 8;

    public record Dot(int number, String title, String verdict, int cx, int cy) {}

    /** A tick on an axis: where it goes and what it says. */
    public record Tick(int at, String label) {}

    static int x(double share) {
        return (int) Math.round(PLOT_LEFT + (PLOT_RIGHT - PLOT_LEFT) * share);
    }

    static int y(double scaledRating) {
        return (int) Math.round(PLOT_BOTTOM - (PLOT_BOTTOM - PLOT_TOP) * scaledRating);
    }

    public static List<Tick> scoreTicks() {
        return List.of(new Tick(x(0), "0%"), new Tick(x(0.5), "50%"), new Tick(x(1), "100%"));
    }

    public static List<Tick> confidenceTicks() {
        List<Tick> ticks = new ArrayList<>();
        for (int rating = 1; rating <= 5; rating++) {
            ticks.add(new Tick(y(ConfidenceVerdict.scaled(rating)), Integer.toString(rating)));
        }
        return ticks;
    }

    static ConfidenceChart of(List<Dashboard.ConfidenceCheck> checks) {
        List<Dot> dots = new ArrayList<>();
        Map<String, Integer> taken = new HashMap<>(); // dots already at a spot: the next one moves aside
        Map<String, Integer> perVerdict = new HashMap<>();
        for (Dashboard.ConfidenceCheck check : checks) {
            int cx = check.scorePercent() == null ? UNTESTED_X : x(check.scorePercent() / 100.0);
            int cy = y(ConfidenceVerdict.scaled(check.confidence()));
            int before = taken.merge(cx + "," + cy, 1, Integer::sum) - 1;
            // 0, right, left, further right, further left…: side by side, still on the same rating
            int shift = (before + 1) / 2 * (before % 2 == 1 ? 1 : -1) * (2 * DOT_RADIUS + 1);
            cx = Math.max(DOT_RADIUS, Math.min(WIDTH - DOT_RADIUS, cx + shift));
            String score = check.scorePercent() == null ? "not tested yet" : "measured " + check.scorePercent() + "%";
            dots.add(new Dot(
                    check.number(),
                    check.number() + ". " + check.lessonTitle() + ": confidence " + check.confidence() + "/5, " + score
                            + " (" + check.verdictLabel().toLowerCase() + ")",
                    check.verdict(),
                    cx,
                    cy));
            perVerdict.merge(check.verdict(), 1, Integer::sum);
        }
        String band = point(0, 0) + " " + point(0, ConfidenceVerdict.MARGIN) + " "
                + point(1 - ConfidenceVerdict.MARGIN, 1) + " " + point(1, 1) + " "
                + point(1, 1 - ConfidenceVerdict.MARGIN) + " " + point(ConfidenceVerdict.MARGIN, 0);
        String summary = "Confidence against measured score for " + checks.size()
                + (checks.size() == 1 ? " lesson: " : " lessons: ") + count(perVerdict, "fits", "agree")
                + ", " + count(perVerdict, "over", "over-confident") + ", "
                + count(perVerdict, "under", "under-confident") + ", "
                + count(perVerdict, "untested", "not tested yet") + ". The table below has the numbers.";
        return new ConfidenceChart(List.copyOf(dots), band, summary);
    }

    private static String point(double share, double scaledRating) {
        return x(share) + "," + y(scaledRating);
    }

    private static String count(Map<String, Integer> perVerdict, String verdict, String words) {
        return perVerdict.getOrDefault(verdict, 0) + " " + words;
    }
}
