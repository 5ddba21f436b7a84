package org.netverks.lab.sandbox;

import java.sql.SQLException;
import java.time.Duration;
import org.netverks.content.Dataset;

/**
 * Pristine, throwaway copies of a dataset, for grading: each is a sandbox (a database cloned
 * from the dataset's template and a login role of its own) that one check uses and then drops,
 * so what a learner did to their own sandbox never matters and checks never see each other.
 */
public interface ScratchDatabases {

    /** A fresh copy of the dataset; hand it back with {@link #discard}. */
    Scratch take(Dataset dataset);

    void discard(Scratch scratch);

    /**
     * A pristine copy shared by checks that only read: its role may SELECT the dataset's tables
     * and nothing more, so it never changes. Not to be discarded.
     */
    Scratch readOnly(Dataset dataset);

    /** Puts the copy's role back as it was made (see {@link SandboxService#repairRole}). */
    void repairRole(Scratch scratch) throws SQLException;

    /**
     * Whether the disk quota guard closed this copy (see {@link DiskQuotaGuard}): a check it cut
     * off must say so, not show PostgreSQL's "terminating connection due to administrator command".
     */
    boolean closedForQuota(Scratch scratch) throws SQLException;

    /** The backends that backend {@code pid} on the copy's server waits for (a timeline's sessions). */
    default java.util.List<Integer> blockers(Scratch scratch, int pid) throws SQLException {
        return BlockingPids.of(scratch.server(), pid);
    }

    /** Connections one read-only copy allows: enough for every check this instance grades at once. */
    static int readOnlyConnections(int concurrentChecks) {
        return concurrentChecks * 2 + 2;
    }

    record Scratch(Sandbox sandbox, SandboxServer server) {}

    /**
     * Copies made and dropped on one server with no platform database and no pool: what the
     * content validation command uses.
     */
    static ScratchDatabases direct(SandboxServer server, Duration statementTimeout, int concurrentChecks) {
        SandboxProvisioner provisioner = new SandboxProvisioner(new DatasetTemplates());
        java.util.Map<String, Scratch> readOnly = new java.util.concurrent.ConcurrentHashMap<>();
        return new ScratchDatabases() {
            @Override
            public Scratch readOnly(Dataset dataset) {
                return readOnly.computeIfAbsent(dataset.fingerprint(), fingerprint -> {
                    try {
                        return new Scratch(
                                provisioner.createReadOnly(
                                        server, dataset, readOnlyConnections(concurrentChecks), statementTimeout),
                                server);
                    } catch (SQLException e) {
                        throw new IllegalStateException(
                                "could not copy the dataset '" + dataset.name() + "': " + e.getMessage(), e);
                    }
                });
            }

            @Override
            public Scratch take(Dataset dataset) {
                try {
                    return new Scratch(provisioner.create(server, dataset, statementTimeout), server);
                } catch (SQLException e) {
                    throw new IllegalStateException(
                            "could not copy the dataset '" + dataset.name() + "': " + e.getMessage(), e);
                }
            }

            @Override
            public void repairRole(Scratch scratch) throws SQLException {
                provisioner.repairRole(server, scratch.sandbox(), statementTimeout);
            }

            @Override
            public boolean closedForQuota(Scratch scratch) {
                return false; // no guard watches these copies
            }

            @Override
            public void discard(Scratch scratch) {
                try {
                    SandboxProvisioner.drop(
                            server,
                            scratch.sandbox().database(),
                            scratch.sandbox().role());
                } catch (SQLException e) {
                    throw new IllegalStateException(
                            "could not drop " + scratch.sandbox().database(), e);
                }
            }
        };
    }
}
