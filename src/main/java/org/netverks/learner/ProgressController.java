package org.netverks.learner;

import java.util.Map;
import org.netverks.learner.StoredProgress.LessonRecord;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.node.ObjectNode;

/**
 * A signed-in learner's progress as JSON, in the browser store's shape: the browser merges what it
 * has into the account (safe to repeat) and then follows what the account says.
 */
@RestController
class ProgressController {

    private final ProgressService progress;

    ProgressController(ProgressService progress) {
        this.progress = progress;
    }

    /** The account's progress as the browser store holds it, with the account it belongs to. */
    record AccountProgress(int version, Map<String, LessonRecord> lessons, String account) {

        AccountProgress(StoredProgress progress, LearnerPrincipal learner) {
            this(progress.version(), progress.lessons(), learner.email());
        }
    }

    @GetMapping("/api/progress")
    AccountProgress progress(@AuthenticationPrincipal LearnerPrincipal learner) {
        return new AccountProgress(progress.load(learner.accountId()), learner);
    }

    /** The body is read as a JSON object and then by {@link BrowserProgress}, as leniently as the browser's store needs. */
    @PostMapping("/api/progress/merge")
    AccountProgress merge(@AuthenticationPrincipal LearnerPrincipal learner, @RequestBody ObjectNode store) {
        return new AccountProgress(progress.merge(learner.accountId(), store), learner);
    }
}
