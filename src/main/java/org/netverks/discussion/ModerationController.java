package org.netverks.discussion;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.netverks.web.RenderedPages;
import org.netverks.web.Viewers;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
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
    ResponseEntity<byte[]> reports(CsrfToken csrf, HttpServletRequest request) {
        List<ReportView> reports = discussion.openReports(DiscussionController.signedIn()).stream()
                .map(row -> new ReportView(
                        row.postId(),
                        row.threadTitle(),
                        "/discussion/threads/" + row.threadId() + "#post-" + row.postId(),
                        row.authorName() == null ? "A former learner" : row.authorName(),
                        discussion.renderBody(row.body()),
                        row.reports(),
                        row.reasons() == null ? "" : row.reasons(),
                        row.hidden()))
                .toList();
        Map<String, Object> model = new HashMap<>();
        model.put("viewer", Viewers.of(request));
        model.put("reports", reports);
        model.put("csrf", csrf.getToken());
        return pages.once(200, "discussion/reports.jte", model);
    }

    /** A thread by its id alone (the report queue links here): redirects to its page under its lesson. */
    @GetMapping("/discussion/threads/{threadId}")
    ResponseEntity<byte[]> thread(@PathVariable long threadId) {
        return DiscussionController.redirect(discussion.threadPath(threadId));
    }

    @PostMapping("/moderation/reports/{postId}/dismiss")
    ResponseEntity<byte[]> dismiss(@PathVariable long postId) {
        discussion.dismissReports(postId, DiscussionController.signedIn());
        return DiscussionController.redirect("/moderation/reports");
    }

    @PostMapping("/moderation/accounts/{accountId}/block")
    ResponseEntity<byte[]> block(@PathVariable UUID accountId, @RequestParam(defaultValue = "/") String back) {
        discussion.block(accountId, DiscussionController.signedIn(), true);
        return DiscussionController.redirect(localPath(back));
    }

    @PostMapping("/moderation/accounts/{accountId}/unblock")
    ResponseEntity<byte[]> unblock(@PathVariable UUID accountId, @RequestParam(defaultValue = "/") String back) {
        discussion.block(accountId, DiscussionController.signedIn(), false);
        return DiscussionController.redirect(localPath(back));
    }

    private static String localPath(String path) {
        return path.startsWith("/")
                        && !path.startsWith("//")
                        && !path.startsWith("/\\")
                        && path.chars().noneMatch(c -> c < 0x20)
                ? path
                : "/";
    }
}
