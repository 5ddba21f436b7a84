package org.netverks.learner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one line an attempt's history shows for its verdict. */
class ExerciseAttemptsTest {

    @Test
    void aSolvedAttemptSaysSoWhateverTheGraderSaid() {
        assertThat(ExerciseAttempts.summary(true, "Correct: your result matches."))
                .isEqualTo("Solved");
    }

    @Test
    void aWrongAttemptKeepsTheGradersFirstRemarkCutToTwoHundredCharacters() {
        assertThat(ExerciseAttempts.summary(false, " Column 2 is named “count”. "))
                .isEqualTo("Column 2 is named “count”.");
        String cut = ExerciseAttempts.summary(false, "x".repeat(500));
        assertThat(cut).hasSize(ExerciseAttempts.SUMMARY_LENGTH).endsWith("x…");
        assertThat(ExerciseAttempts.summary(false, "y".repeat(200))).isEqualTo("y".repeat(200));
        assertThat(ExerciseAttempts.summary(false, null)).isEqualTo("Not solved");
    }

    @Test
    void theCutNeverSplitsACharacterInTwo() {
        String emoji = "🐘"; // two UTF-16 units
        // "ab" first puts an emoji's first half right where a plain cut would fall
        String cut = ExerciseAttempts.summary(false, "ab" + emoji.repeat(150));
        assertThat(cut).endsWith(emoji + "…");
        assertThat(cut.codePoints().filter(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE))
                .as("no lone half of a character")
                .isEmpty();
    }
}
