package org.netverks.learner;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LearnerPropertiesValidatorTest {

    private static LearnerProperties settings(String from, String publicUrl, List<String> moderators) {
        return new LearnerProperties(
                new LearnerProperties.Mail(from),
                publicUrl,
                moderators,
                new LearnerProperties.Lab(org.springframework.util.unit.DataSize.ofKilobytes(64)));
    }

    @Test
    void theDefaultsAndOrdinaryValuesAreValid() {
        assertThatCode(() -> new LearnerPropertiesValidator(
                        settings("no-reply@learn-netverks.local", "http://localhost:8080", List.of())))
                .doesNotThrowAnyException();
        assertThatCode(() -> new LearnerPropertiesValidator(settings(
                        "Learn Netverks <no-reply@example.org>",
                        "https://learn.example.org/sql/",
                        List.of("alice@example.org", " bob@example.org", ""))))
                .doesNotThrowAnyException();
    }

    @Test
    void aMalformedAddressOrUrlStopsTheStartWithEveryProblemNamed() {
        assertThatThrownBy(() -> new LearnerPropertiesValidator(
                        settings("nobody", "learn.example.org", List.of("alice@example.org", "bob"))))
                .hasMessageContaining("netverks.mail.from must be an e-mail address like no-reply@example.org")
                .hasMessageContaining("netverks.public-url must be an absolute http or https URL"
                        + " like https://learn.example.org (no query or fragment), not 'learn.example.org'")
                .hasMessageContaining("netverks.moderators: 'bob' is not an e-mail address like name@example.org")
                .hasMessageNotContaining("alice");
    }

    @Test
    void thePublicUrlMustBeAWebAddressWithAHostAndNothingAfterThePath() {
        for (String url : List.of(
                "",
                "ftp://learn.example.org",
                "https://",
                "https://learn.example.org/?a=1",
                "https://learn.example.org/#top",
                "http://exa mple.org")) {
            assertThatThrownBy(() -> new LearnerPropertiesValidator(settings("a@example.org", url, List.of())))
                    .as(url)
                    .hasMessageContaining("netverks.public-url must be");
        }
    }
}
