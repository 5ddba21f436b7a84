package org.netverks.lab.run;

import java.time.Duration;

/**
 * The bounds on one run; see LabProperties for what each means. {@code memoryPerSessionBytes} is
 * the memory limit the sandbox server's processes run under, 0 when the lab did not set one.
 */
public record RunLimits(
        Duration statementTimeout,
        Duration runTimeout,
        int maxRowsShown,
        long maxResultBytes,
        int maxNotices,
        long sandboxQuotaBytes,
        long memoryPerSessionBytes) {}
