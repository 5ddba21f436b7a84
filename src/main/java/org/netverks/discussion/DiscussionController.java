package org.netverks.discussion;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.netverks.learner.CurrentLearner;
import org.netverks.web.Redirects;
import org.netverks.web.RenderedPages;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A lesson's discussion: the thread list (a whole page, or with {@code fragment} the part the
 * cached lesson page loads into itself), thread pages, and the forms that post, edit, delete and
 * report. Posting paths need a signed-in learner (DiscussionSecurityRules; the {@code
 * CurrentLearner} argument is that learner); a form with a problem comes back with the problem
 * beside its field, the text kept, and a status that says why.
 */
@Controller
@RequestMapping("/tracks/{trackSlug}/{lessonSlug}/discussion")
class DiscussionController {

    private static final String NEW_THREAD = "discussion/new-thread.jte";
    private static final String THREAD = "discussion/thread.jte";
    private static final String EDIT = "discussion/edit.jte";

    private final DiscussionService discussion;
    private final RenderedPages pages;

    DiscussionController(DiscussionService discussion, RenderedPages pages) {
        this.discussion = discussion;
        this.pages = pages;
    }

    @GetMapping
    ResponseEntity<byte[]> threads(
            @PathVariable String trackSlug,
            @PathVariable String lessonSlug,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(required = false) String fragment,
            Optional<CurrentLearner> viewer,
            CsrfToken csrf,
            HttpServletRequest request) {
        LessonRef lesson = discussion.lesson(trackSlug, lessonSlug);
        ThreadList list = discussion.threads(lesson, page, viewer);
        // The cached lesson page loads this list for every reader: asking for the token mints the
        // XSRF-TOKEN cookie, which an anonymous reader's first quiz or lab POST then sends back.
        csrf.getToken();
        return pages.render(200, fragment != null ? "discussion/list.jte" : "discussion/index.jte", list, request);
    }

    @GetMapping("/new")
    ResponseEntity<byte[]> newThread(
            @PathVariable String trackSlug,
            @PathVariable String lessonSlug,
            @RequestParam(defaultValue = "") String title,
            HttpServletRequest request) {
        LessonRef lesson = discussion.lesson(trackSlug, lessonSlug);
        return pages.render(200, NEW_THREAD, NewThreadForm.of(lesson, title, "", null), request);
    }

    @PostMapping
    ResponseEntity<byte[]> startThread(
            @PathVariable String trackSlug,
            @PathVariable String lessonSlug,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String body,
            CurrentLearner learner,
            HttpServletRequest request) {
        LessonRef lesson = discussion.lesson(trackSlug, lessonSlug);
        Outcome outcome = discussion.startThread(lesson, learner, title, body);
        if (outcome instanceof Outcome.Done done) {
            return Redirects.seeOther(lesson.threadPath(done.threadId()));
        }
        return pages.render(outcome.status(), NEW_THREAD, NewThreadForm.of(lesson, title, body, outcome), request);
    }

    /** A starter topic from the lesson page, in one click: its thread, started now if there is none. */
    @PostMapping("/starter")
    ResponseEntity<byte[]> starterTopic(
            @PathVariable String trackSlug,
            @PathVariable String lessonSlug,
            @RequestParam(defaultValue = "") String topic,
            CurrentLearner learner,
            HttpServletRequest request) {
        LessonRef lesson = discussion.lesson(trackSlug, lessonSlug);
        Outcome outcome = discussion.startStarterTopic(lesson, learner, topic);
        if (outcome instanceof Outcome.Done done) {
            return Redirects.seeOther(lesson.threadPath(done.threadId()));
        }
        return pages.render(outcome.status(), NEW_THREAD, NewThreadForm.of(lesson, topic, "", outcome), request);
    }

    @GetMapping("/{threadId}")
    ResponseEntity<byte[]> thread(
            @PathVariable String trackSlug,
            @PathVariable String lessonSlug,
            @PathVariable long threadId,
            @RequestParam(required = false) Long reply,
            @RequestParam(required = false) String reported,
            Optional<CurrentLearner> viewer,
            HttpServletRequest request) {
        LessonRef lesson = discussion.lesson(trackSlug, lessonSlug);
        String notice = reported != null ? "Thank you: the post is reported, and a moderator will look at it." : null;
        ThreadView thread = discussion.thread(lesson, threadId, viewer);
        return pages.render(200, THREAD, new ThreadPage(thread, new PostForm(reply, "", null), notice), request);
    }

    @PostMapping("/{threadId}/posts")
    ResponseEntity<byte[]> post(
            @PathVariable String trackSlug,
            @PathVariable String lessonSlug,
            @PathVariable long threadId,
            @RequestParam(required = false) Long parent,
            @RequestParam(required = false) String body,
            CurrentLearner learner,
            HttpServletRequest request) {
        LessonRef lesson = discussion.lesson(trackSlug, lessonSlug);
        Outcome outcome = discussion.post(lesson, threadId, learner, parent, body);
        if (outcome instanceof Outcome.Done done) {
            return Redirects.seeOther(lesson.threadPath(threadId) + "#post-" + done.postId());
        }
        String problem = outcome instanceof Outcome.Refused refused
                ? refused.refusal().message()
                : ((Outcome.Invalid) outcome).errors().get("body");
        ThreadView thread = discussion.thread(lesson, threadId, Optional.of(learner));
        return pages.render(
                outcome.status(), THREAD, new ThreadPage(thread, new PostForm(parent, body, problem), null), request);
    }

    @GetMapping("/{threadId}/posts/{postId}/edit")
    ResponseEntity<byte[]> editPage(
            @PathVariable String trackSlug,
            @PathVariable String lessonSlug,
            @PathVariable long threadId,
            @PathVariable long postId,
            CurrentLearner learner,
            HttpServletRequest request) {
        LessonRef lesson = discussion.lesson(trackSlug, lessonSlug);
        DiscussionRepository.PostRow post = discussion.ownPost(lesson, threadId, postId, learner);
        String title = post.opening() ? discussion.titleOf(threadId) : "";
        return pages.render(200, EDIT, PostEditForm.of(lesson, post, title, post.body(), null), request);
    }

    @PostMapping("/{threadId}/posts/{postId}/edit")
    ResponseEntity<byte[]> edit(
            @PathVariable String trackSlug,
            @PathVariable String lessonSlug,
            @PathVariable long threadId,
            @PathVariable long postId,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String body,
            CurrentLearner learner,
            HttpServletRequest request) {
        LessonRef lesson = discussion.lesson(trackSlug, lessonSlug);
        Outcome outcome = discussion.edit(lesson, threadId, postId, learner, title, body);
        if (outcome instanceof Outcome.Done) {
            return Redirects.seeOther(lesson.threadPath(threadId) + "#post-" + postId);
        }
        DiscussionRepository.PostRow post = discussion.ownPost(lesson, threadId, postId, learner);
        return pages.render(outcome.status(), EDIT, PostEditForm.of(lesson, post, title, body, outcome), request);
    }

    @PostMapping("/{threadId}/posts/{postId}/delete")
    ResponseEntity<byte[]> delete(
            @PathVariable String trackSlug,
            @PathVariable String lessonSlug,
            @PathVariable long threadId,
            @PathVariable long postId,
            CurrentLearner learner) {
        LessonRef lesson = discussion.lesson(trackSlug, lessonSlug);
        discussion.delete(lesson, threadId, postId, learner);
        return Redirects.seeOther(lesson.threadPath(threadId));
    }

    @PostMapping("/{threadId}/posts/{postId}/report")
    ResponseEntity<byte[]> report(
            @PathVariable String trackSlug,
            @PathVariable String lessonSlug,
            @PathVariable long threadId,
            @PathVariable long postId,
            @RequestParam(required = false) String reason,
            CurrentLearner learner) {
        LessonRef lesson = discussion.lesson(trackSlug, lessonSlug);
        discussion.report(lesson, threadId, postId, learner, reason);
        return Redirects.seeOther(lesson.threadPath(threadId) + "?reported#post-" + postId);
    }

    /** A moderator hides a post from learners ({@code hide}) or shows it again ({@code unhide}). */
    @PostMapping("/{threadId}/posts/{postId}/{action:hide|unhide}")
    ResponseEntity<byte[]> hide(
            @PathVariable String trackSlug,
            @PathVariable String lessonSlug,
            @PathVariable long threadId,
            @PathVariable long postId,
            @PathVariable String action,
            CurrentLearner learner) {
        LessonRef lesson = discussion.lesson(trackSlug, lessonSlug);
        discussion.hide(lesson, threadId, postId, learner, action.equals("hide"));
        return Redirects.seeOther(lesson.threadPath(threadId) + "#post-" + postId);
    }
}
