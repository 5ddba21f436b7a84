package org.netverks.learner;

import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

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

    @GetMapping("/api/progress")
    Map<String, Object> progress(@AuthenticationPrincipal LearnerPrincipal learner) {
        return withAccount(learner, progress.load(learner.accountId()));
    }

    @PostMapping("/api/progress/merge")
    Map<String, Object> merge(
            @AuthenticationPrincipal LearnerPrincipal learner, @RequestBody Map<String, Object> store) {
        return withAccount(learner, progress.merge(learner.accountId(), store));
    }

    private static Map<String, Object> withAccount(LearnerPrincipal learner, Map<String, Object> store) {
        store.put("account", learner.email());
        return store;
    }
}
