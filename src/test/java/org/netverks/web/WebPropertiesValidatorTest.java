package org.netverks.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WebPropertiesValidatorTest {

    private static WebProperties settings(String siteName, Duration bodyTimeout) {
        return new WebProperties(siteName, new WebProperties.Web(bodyTimeout));
    }

    @Test
    void theDefaultsAndABlankSiteNameAreValid() {
        assertThatCode(() -> new WebPropertiesValidator(settings("Learn Netverks", Duration.ofSeconds(10))))
                .doesNotThrowAnyException();
        assertThatCode(() -> new WebPropertiesValidator(settings(" ", Duration.ofMillis(500))))
                .as("blank: the default name")
                .doesNotThrowAnyException();
    }

    @Test
    void aBodyTimeoutOfZeroOrLessAndALineBreakInTheNameStopTheStart() {
        assertThatThrownBy(() -> new WebPropertiesValidator(settings("Learn\nNetverks", Duration.ZERO)))
                .hasMessageContaining("netverks.web.body-timeout must be positive (like 10s), not PT0S")
                .hasMessageContaining("netverks.site-name must not contain control characters");
        assertThatThrownBy(() -> new WebPropertiesValidator(settings("x", Duration.ofSeconds(-5))))
                .hasMessageContaining("netverks.web.body-timeout must be positive");
    }
}
