package org.netverks.lab;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Every limit and setting of the SQL lab, bound from {@code netverks.lab.*} (environment:
 * {@code NETVERKS_LAB_*}). Checked at start-up by {@link LabPropertiesValidator}.
 *
 * @param servers            admin URLs of sandbox servers, {@code postgresql://user:password@host:port};
 *                           empty: an embedded sandbox cluster under the data folder
 * @param publicHost         the host learners' own clients use to reach a sandbox server
 * @param connectionDetails  show learners the credentials of their sandbox (null: only for the embedded cluster)
 * @param embeddedPort       port of the embedded sandbox cluster (0: any free port at each start)
 * @param statementTimeout   one statement is cancelled after this long
 * @param runTimeout         all statements of one run together
 * @param maxSqlSize         largest script accepted
 * @param maxRowsShown       rows of one result sent to the browser
 * @param maxResultSize      bytes one statement may return before it is stopped
 * @param maxNotices         notices kept per run (the rest are counted)
 * @param sandboxQuota       disk a sandbox database may use before runs stop until a reset
 * @param warmPoolSize       ready sandboxes kept per dataset
 * @param maxSandboxes       sandboxes across all servers; past it the lab answers "at capacity"
 * @param idleReclaim        a sandbox unused this long is dropped
 * @param creationsPerClientPerHour new sandboxes (first use and resets) one client may cause per hour
 * @param connectionIdle     a learner's connection is closed after this long without a run
 * @param tempFileLimit      PostgreSQL temp_file_limit on the embedded cluster
 * @param maxConcurrentChecks exercise checks graded at once by this app instance (each uses fresh copies)
 * @param checkQueueWait     how long a check waits for a free grading slot before "busy, try again"
 * @param memoryPerSession   private memory each process of the embedded sandbox cluster may use (an OS
 *                           resource limit, RLIMIT_DATA); 0: unbounded. Not applied to {@code servers}
 * @param quotaCheckInterval how often the sizes of busy sandboxes are measured against {@code sandboxQuota}
 * @param checkPoolSize      pristine copies kept ready for grading, per dataset that data-changing checks use
 *                           (null: two per grading slot, see {@link #checkPool}; 0: every such check clones the
 *                           dataset while the learner waits). Counted in {@code maxSandboxes}
 * @param lockWaitTimeout    in a two-session lab, how long a statement may wait for a lock the other session
 *                           holds before it is stopped (a statement that works is stopped at {@code statementTimeout})
 * @param sessionTransactionLimit in a two-session lab, how long a session's transaction may stay open
 *                           across runs before the lab rolls it back
 */
@ConfigurationProperties("netverks.lab")
public record LabProperties(
        @DefaultValue List<String> servers,
        @DefaultValue("localhost") String publicHost,
        Boolean connectionDetails,
        @DefaultValue("0") int embeddedPort,
        @DefaultValue("5s") Duration statementTimeout,
        @DefaultValue("10s") Duration runTimeout,
        @DefaultValue("64KB") DataSize maxSqlSize,
        @DefaultValue("500") int maxRowsShown,
        @DefaultValue("8MB") DataSize maxResultSize,
        @DefaultValue("100") int maxNotices,
        @DefaultValue("200MB") DataSize sandboxQuota,
        @DefaultValue("2") int warmPoolSize,
        @DefaultValue("200") int maxSandboxes,
        @DefaultValue("30m") Duration idleReclaim,
        @DefaultValue("30") int creationsPerClientPerHour,
        @DefaultValue("60s") Duration connectionIdle,
        @DefaultValue("256MB") DataSize tempFileLimit,
        @DefaultValue("4") int maxConcurrentChecks,
        @DefaultValue("10s") Duration checkQueueWait,
        @DefaultValue("256MB") DataSize memoryPerSession,
        @DefaultValue("250ms") Duration quotaCheckInterval,
        Integer checkPoolSize,
        @DefaultValue("60s") Duration lockWaitTimeout,
        @DefaultValue("10m") Duration sessionTransactionLimit) {

    /**
     * Ready copies kept for checks per dataset: {@code checkPoolSize}, by default two for each of
     * the {@code maxConcurrentChecks} grading slots, because making a copy's replacement takes about
     * as long as two checks, so a slot busy with checks one after another needs a second in hand.
     */
    public int checkPool() {
        return checkPoolSize != null ? checkPoolSize : 2 * maxConcurrentChecks;
    }

    /** The bounds every run and every check works under. */
    public org.netverks.lab.run.RunLimits runLimits() {
        return new org.netverks.lab.run.RunLimits(
                statementTimeout,
                runTimeout,
                maxRowsShown,
                maxResultSize.toBytes(),
                maxNotices,
                sandboxQuota.toBytes(),
                embedded() ? memoryPerSession.toBytes() : 0);
    }

    /**
     * The bounds of a run in a session of a two-session lab: a statement may wait for a lock up to
     * {@code lockWaitTimeout} (the connection's own timer), and the run as a whole as long again as
     * a run; a statement that works rather than waits is still stopped at {@code statementTimeout}
     * ({@code lab.run.ConcurrentSession}'s watcher).
     */
    public org.netverks.lab.run.RunLimits sessionRunLimits() {
        org.netverks.lab.run.RunLimits run = runLimits();
        return new org.netverks.lab.run.RunLimits(
                lockWaitTimeout,
                lockWaitTimeout.plus(runTimeout),
                run.maxRowsShown(),
                run.maxResultBytes(),
                run.maxNotices(),
                run.sandboxQuotaBytes(),
                run.memoryPerSessionBytes());
    }

    /** Every setting at its default, for tools that run without Spring's configuration. */
    public static LabProperties defaults() {
        return new org.springframework.boot.context.properties.bind.Binder(
                        new org.springframework.boot.context.properties.source.MapConfigurationPropertySource())
                .bindOrCreate("netverks.lab", LabProperties.class);
    }

    public boolean embedded() {
        return servers.isEmpty();
    }

    public boolean showConnectionDetails() {
        return connectionDetails != null ? connectionDetails : embedded();
    }
}
