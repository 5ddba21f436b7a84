package org.netverks.learner;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.netverks.learner.ProgressRepository.CardSchedule;

/**
 * Everything the platform keeps about a learner, as the export file holds it: the account, its
 * progress in the browser store's shape, its card schedules, its lab workspaces (drafts and
 * attempts), then each other feature's part
 * ({@link AccountData}) under that feature's key.
 */
record AccountExport(
        Instant exportedAt,
        ExportedAccount account,
        StoredProgress progress,
        List<CardSchedule> cardSchedule,
        WorkspaceRepository.Export workspace,
        @JsonIgnore Map<String, Object> otherFeatures) {

    AccountExport(
            Account account,
            StoredProgress progress,
            List<CardSchedule> cardSchedule,
            WorkspaceRepository.Export workspace,
            Map<String, Object> other) {
        this(Instant.now(), ExportedAccount.of(account), progress, cardSchedule, workspace, other);
    }

    /** The account without its id or password hash. */
    record ExportedAccount(
            String email, String displayName, Instant createdAt, boolean moderator, boolean emailConfirmed) {

        static ExportedAccount of(Account account) {
            return new ExportedAccount(
                    account.email(),
                    account.displayName(),
                    account.createdAt(),
                    account.moderator(),
                    account.verified());
        }
    }

    /** Each other feature's part, written beside the fields above under its export key. */
    @JsonAnyGetter
    Map<String, Object> otherFeatureParts() {
        return otherFeatures;
    }
}
