package org.netverks.lab.sandbox;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns invalid lab settings at start-up into a short report instead of a stack trace. */
class InvalidLabSettingsFailureAnalyzer extends AbstractFailureAnalyzer<InvalidLabSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidLabSettingsException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Correct the settings named above (environment variables NETVERKS_LAB_…, or netverks.lab.… in the "
                        + "configuration) and start again. docs/lab-api.md and README.md list every setting; "
                        + "docs/operations.md describes NETVERKS_LAB_SERVERS.",
                cause);
    }
}
