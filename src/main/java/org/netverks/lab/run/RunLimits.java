package org.netverks.lab.run;

import java.time.Duration;

/** The bounds on one run; see LabProperties for what each means. */
public record RunLimits(Duration statementTimeout, Duration runTimeout, int maxRowsShown, long maxResultBytes,
        int maxNotices, long sandboxQuotaBytes) {
}
