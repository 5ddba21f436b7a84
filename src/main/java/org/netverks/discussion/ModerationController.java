package org.netverks.discussion;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.netverks.learner.CurrentLearner;
import org.netverks.web.LocalPaths;
import org.netverks.web.Redirects;
import org.netverks.web.RenderedPages;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Moderators: the queue of reported posts, and blocking or unblocking an account from posting. */
@Controller
class ModerationController {

    private final DiscussionService discussion;
    private final RenderedPages pages;

    ModerationController(DiscussionService discussion, RenderedPages pages) {
        this.discussion = discussion;
        this.pages = pages;
    }

    @GetMapping("/moderation/reports")
    ResponseEntity<byte[]> reports(CurrentLearner moderator, HttpServletRequest request) {
        return pages.render(200, "discussion/reports.jte", new ReportsPage(discussion.openReports(moderator)), request);
    }

    /** A thread by its id alone (the report queue links here): redirects to its page under its lesson. */
    @GetMapping("/discussion/threads/{threadId}")
    ResponseEntity<byte[]> thread(@PathVariable long threadId) {
        return Redirects.seeOther(discussion.threadPath(threadId));
    }

    @PostMapping("/moderation/reports/{postId}/dismiss")
    ResponseEntity<byte[]> dismiss(@PathVariable long postId, CurrentLearner moderator) {
        discussion.dismissReports(postId, moderator);
        return Redirects.seeOther("/moderation/reports");
    }

    /** Block ({@code block}) or unblock ({@code unblock}) an account from posting, then back to where it was done. */
    @PostMapping("/moderation/accounts/{accountId}/{action:block|unblock}")
    ResponseEntity<byte[]> block(
            @PathVariable UUID accountId,
            @PathVariable String action,
            @RequestParam(defaultValue = "/") String back,
            CurrentLearner moderator) {
        discussion.block(accountId, moderator, action.equals("block"));
        return Redirects.seeOther(LocalPaths.orElse(back, "/"));
    }
}
