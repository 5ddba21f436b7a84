package org.netverks.lab;

import java.util.ArrayList;
import java.util.List;
import org.netverks.lab.sandbox.InvalidLabSettingsException;
import org.netverks.lab.sandbox.SandboxServer;
import org.springframework.stereotype.Component;

/** Contradictory or impossible lab settings stop the start with a message saying which and why. */
@Component
class LabPropertiesValidator {

    /** Below this, ordinary work (a CREATE INDEX with the default maintenance_work_mem of 64 MB) fails. */
    static final org.springframework.util.unit.DataSize MIN_MEMORY_PER_SESSION =
            org.springframework.util.unit.DataSize.ofMegabytes(128);

    LabPropertiesValidator(LabProperties properties) {
        List<String> problems = new ArrayList<>();
        if (properties.statementTimeout().isNegative()
                || properties.statementTimeout().isZero()) {
            problems.add("netverks.lab.statement-timeout must be positive");
        }
        if (properties.runTimeout().compareTo(properties.statementTimeout()) < 0) {
            problems.add("netverks.lab.run-timeout (" + properties.runTimeout()
                    + ") must be at least netverks.lab.statement-timeout (" + properties.statementTimeout() + ")");
        }
        if (properties.lockWaitTimeout().compareTo(properties.statementTimeout()) < 0) {
            problems.add("netverks.lab.lock-wait-timeout (" + properties.lockWaitTimeout()
                    + ") must be at least netverks.lab.statement-timeout (" + properties.statementTimeout() + ")");
        }
        if (properties.sessionTransactionLimit().compareTo(properties.lockWaitTimeout()) < 0) {
            problems.add("netverks.lab.session-transaction-limit (" + properties.sessionTransactionLimit()
                    + ") must be at least netverks.lab.lock-wait-timeout (" + properties.lockWaitTimeout() + ")");
        }
        if (properties.maxRowsShown() < 1) {
            problems.add("netverks.lab.max-rows-shown must be at least 1");
        }
        if (properties.warmPoolSize() < 0 || properties.maxSandboxes() < 1) {
            problems.add("netverks.lab.warm-pool-size must be 0 or more and netverks.lab.max-sandboxes at least 1");
        }
        if (properties.maxConcurrentChecks() < 1) {
            problems.add("netverks.lab.max-concurrent-checks must be at least 1");
        }
        if (properties.checkPool() < 0 || properties.checkPool() > properties.maxSandboxes()) {
            problems.add("netverks.lab.check-pool-size must be between 0 and netverks.lab.max-sandboxes ("
                    + properties.maxSandboxes() + "): its copies count as sandboxes");
        }
        if (properties.quotaCheckInterval().toMillis() < 100) {
            problems.add("netverks.lab.quota-check-interval must be at least 100ms");
        }
        long memory = properties.memoryPerSession().toBytes();
        if (memory != 0 && memory < MIN_MEMORY_PER_SESSION.toBytes()) {
            problems.add("netverks.lab.memory-per-session must be 0 (unbounded) or at least "
                    + MIN_MEMORY_PER_SESSION.toMegabytes() + "MB: a PostgreSQL backend needs some for itself");
        }
        problems.addAll(SandboxServer.problemsIn(properties.servers()));
        if (!problems.isEmpty()) {
            throw new InvalidLabSettingsException(problems);
        }
    }
}
