package org.netverks.learner;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A signed-in learner's lab workspace of a lesson, kept in the account so it follows them across
 * devices (anonymous learners keep theirs in the browser): drafts per exercise and the free lab,
 * and their attempts. docs/accounts.md describes the calls.
 */
@RestController
class WorkspaceController {

    private final WorkspaceService workspaces;

    WorkspaceController(WorkspaceService workspaces) {
        this.workspaces = workspaces;
    }

    @GetMapping("/api/me/workspace/{lessonId}")
    WorkspaceService.Workspace workspace(CurrentLearner learner, @PathVariable String lessonId) {
        return workspaces.workspace(learner.accountId(), lessonId);
    }

    /** {@code savedAt} stays text here so that a bad one gets a message naming it. */
    record DraftRequest(String sql, String savedAt) {}

    @PutMapping("/api/me/workspace/{lessonId}/drafts/{slot}")
    WorkspaceRepository.SavedDraft save(
            CurrentLearner learner,
            @PathVariable String lessonId,
            @PathVariable String slot,
            @RequestBody DraftRequest draft) {
        return workspaces.save(learner.accountId(), lessonId, slot, draft.sql(), draft.savedAt());
    }
}
