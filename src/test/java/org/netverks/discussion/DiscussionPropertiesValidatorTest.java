package org.netverks.discussion;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DiscussionPropertiesValidatorTest {

    @Test
    void theDefaultsAreValid() {
        assertThatCode(() -> new DiscussionPropertiesValidator(new DiscussionProperties(20, 5, 30)))
                .doesNotThrowAnyException();
    }

    @Test
    void zeroOrNegativeLimitsStopTheStartWithEveryProblemNamed() {
        assertThatThrownBy(() -> new DiscussionPropertiesValidator(new DiscussionProperties(0, 0, -1)))
                .hasMessageContaining("netverks.discussion.threads-per-page must be at least 1, not 0")
                .hasMessageContaining("netverks.discussion.posts-per-minute must be at least 1")
                .hasMessageContaining("netverks.discussion.posts-per-hour (-1) must be at least"
                        + " netverks.discussion.posts-per-minute (0)");
    }

    @Test
    void anHourlyLimitBelowTheMinuteLimitIsAContradiction() {
        assertThatThrownBy(() -> new DiscussionPropertiesValidator(new DiscussionProperties(20, 10, 5)))
                .hasMessageContaining("netverks.discussion.posts-per-hour (5) must be at least"
                        + " netverks.discussion.posts-per-minute (10)");
    }
}
