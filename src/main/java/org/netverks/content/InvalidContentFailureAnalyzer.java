package org.netverks.content;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns invalid content at start-up into a short report instead of a stack trace. */
class InvalidContentFailureAnalyzer extends AbstractFailureAnalyzer<InvalidContentException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidContentException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Fix the files named above (docs/content-authoring.md describes the format), or check them "
                        + "without starting the server: ./mvnw -q compile exec:java -Dexec.args=validate",
                cause);
    }
}
