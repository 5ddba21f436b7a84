package org.netverks.learner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The verdict follows the evidence: the rating scaled to 0–1 against the share shown, 0.25 apart at most. */
class ConfidenceVerdictTest {

    @ParameterizedTest(name = "rating {0}, tried {1}, shown {2} of {3}: {4} ({5})")
    @CsvSource(
            textBlock =
                    """
            # rating, attempted, shown, possible, verdict, why
            3, 0, 0, 4, UNTESTED, 'nothing tried: no evidence either way'
            5, 0, 0, 4, UNTESTED, 'not "over" just because nothing was tried'
            1, 0, 0, 4, UNTESTED, 'a low rating untested too'
            4, 0, 0, 0, UNTESTED, 'a lesson with neither quiz nor exercise'
            3, 4, 2, 4, FITS, '0.5 beside 0.5'
            3, 4, 4, 4, UNDER, '0.5 beside 1.0: the old rule called every 3 a fit'
            3, 4, 0, 4, OVER, '0.5 beside 0.0'
            3, 4, 1, 4, FITS, '0.5 beside 0.25: exactly the margin still agrees'
            3, 4, 3, 4, FITS, '0.5 beside 0.75'
            5, 4, 3, 4, FITS, '1.0 beside 0.75'
            5, 4, 2, 4, OVER, '1.0 beside 0.5'
            4, 3, 1, 3, OVER, '0.75 beside 0.33'
            4, 3, 2, 3, FITS, '0.75 beside 0.67'
            1, 4, 2, 4, UNDER, '0.0 beside 0.5'
            1, 4, 1, 4, FITS, '0.0 beside 0.25'
            2, 5, 5, 5, UNDER, '0.25 beside 1.0'
            2, 1, 0, 5, FITS, 'one wrong answer: 0.25 beside 0.0'
            5, 1, 0, 5, OVER, 'one wrong answer is evidence: 1.0 beside 0.0'
            """,
            delimiter = ',')
    void ratingAgainstEvidence(
            int rating, int attempted, int shown, int possible, ConfidenceVerdict expected, String why) {
        assertThat(ConfidenceVerdict.judge(rating, attempted, shown, possible)).isEqualTo(expected);
    }
}
