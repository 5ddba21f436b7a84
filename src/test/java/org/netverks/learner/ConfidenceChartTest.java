package org.netverks.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Where the chart puts each lesson's dot, and what it says about them in words. */
class ConfidenceChartTest {

    private static Dashboard.ConfidenceCheck check(
            int number, int confidence, Integer score, ConfidenceVerdict verdict) {
        return new Dashboard.ConfidenceCheck(
                number,
                "Lesson " + number,
                "/tracks/t/l" + number,
                confidence,
                0,
                4,
                0,
                0,
                score,
                verdict.cssName,
                verdict.label,
                verdict.advice);
    }

    @Test
    void scoreGoesAcrossConfidenceGoesUpAndUntestedLessonsStandApart() {
        ConfidenceChart chart = ConfidenceChart.of(List.of(
                check(1, 1, 0, ConfidenceVerdict.FITS),
                check(2, 5, 100, ConfidenceVerdict.FITS),
                check(3, 3, null, ConfidenceVerdict.UNTESTED)));
        assertThat(chart.dots())
                .extracting(ConfidenceChart.Dot::cx, ConfidenceChart.Dot::cy)
                .containsExactly(
                        tuple(ConfidenceChart.PLOT_LEFT, ConfidenceChart.PLOT_BOTTOM),
                        tuple(ConfidenceChart.PLOT_RIGHT, ConfidenceChart.PLOT_TOP),
                        tuple(ConfidenceChart.UNTESTED_X, ConfidenceChart.y(0.5)));
        assertThat(chart.dots().get(2).title())
                .isEqualTo("3. Lesson 3: confidence 3/5, not tested yet (not tested yet)");
        assertThat(chart.summary())
                .startsWith("Confidence against measured score for 3 lessons: 2 agree, 0 over-confident");
    }

    @Test
    void dotsOnTheSameSpotAreSetSideBySide() {
        ConfidenceChart chart = ConfidenceChart.of(List.of(
                check(1, 4, 50, ConfidenceVerdict.FITS),
                check(2, 4, 50, ConfidenceVerdict.FITS),
                check(3, 4, 50, ConfidenceVerdict.FITS)));
        int step = 2 * ConfidenceChart.DOT_RADIUS + 1;
        int middle = ConfidenceChart.x(0.5);
        assertThat(chart.dots())
                .extracting(ConfidenceChart.Dot::cx)
                .containsExactly(middle, middle + step, middle - step);
        assertThat(chart.dots()).extracting(ConfidenceChart.Dot::cy).containsOnly(ConfidenceChart.y(0.75));
    }

    @Test
    void theBandIsWhereRatingAndScoreAreAtMostTheMarginApart() {
        ConfidenceChart chart = ConfidenceChart.of(List.of());
        assertThat(chart.band())
                .isEqualTo(point(0, 0) + " " + point(0, 0.25) + " " + point(0.75, 1) + " " + point(1, 1) + " "
                        + point(1, 0.75) + " " + point(0.25, 0));
    }

    private static String point(double share, double scaledRating) {
        return ConfidenceChart.x(share) + "," + ConfidenceChart.y(scaledRating);
    }
}
