package org.netverks.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

class InvalidContentFailureAnalyzerTest {

    @Test
    void startUpFailureNamesFileFieldAndProblemAndSaysHowToCheck() {
        var invalid = new InvalidContentException(List.of(
                new ContentProblem("tracks/x/lessons/a/parts.yaml", "quiz[0].choices", "needs 2 to 6 choices, has 1")));
        FailureAnalysis analysis = new InvalidContentFailureAnalyzer()
                .analyze(new BeanCreationException("contentCatalog", "failed", invalid));

        assertThat(analysis.getDescription())
                .contains("tracks/x/lessons/a/parts.yaml: quiz[0].choices: needs 2 to 6 choices, has 1");
        assertThat(analysis.getAction()).contains("validate");
    }
}
