package org.netverks.discussion;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.netverks.learner.CurrentLearner;
import org.netverks.web.RenderedPages;
import org.netverks.web.Viewers;
import org.springframework.http.HttpHeaders;
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
 * report. Posting paths need a signed-in learner (DiscussionSecurityRules); a form with a problem
 * comes back with the problem beside its field, the text kept, and a status that says why.
 */
@Controller
@RequestMapping("/tracks/{trackSlug}/{lessonSlug}/discussion")
class DiscussionController {

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
            CsrfToken csrf,
            HttpServletRequest request) {
        LessonRef lesson = discussion.lesson(trackSlug, lessonSlug);
        ThreadList list = discussion.threads(lesson, page, CurrentLearner.get(), csrf.getToken());
        Map<String, Object> model = new HashMap<>();
        model.put("list", list);
        if (fragment != null) {
            return pages.once(200, "discussion/list.jte", model);
        }
        model.put("viewer", Viewers.of(request));
        return pages.once(200, "discussion/index.jte", model);
    }

    @GetMapping("/new")
    ResponseEntity<byte[]> newThread(
            @PathVariable String trackSlug,
            @PathVariable String lessonSlug,
            @RequestParam(defaultValue = "") String title,
            CsrfToken csrf,
            HttpServletRequest request) {
        LessonRef lesson = discussion.lesson(trackSlug, lessonSlug);
        return threadForm(200, lesson, title, "", Map.of(), null, csrf, request);
    }

    @PostMapping
    ResponseEntity<byte[]> startThread(
            @PathVariable String trackSlug,
            @PathVariable String lessonSlug,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String body,
            CsrfToken csrf,
            HttpServletRequest request) {
        LessonRef lesson = discussion.lesson(trackSlug, lessonSlug);
        Outcome outcome = discussion.startThread(lesson, signedIn(), title, body);
        if (outcome instanceof Outcome.Invalid invalid) {
            return threadForm(400, lesson, title, body, invalid.errors(), null, csrf, request);
        }
        if (outcome instanceof Outcome.Refused refused) {
            return threadForm(refused.status(), lesson, title, body, Map.of(), refused.message(), csrf, request);
        }
        return redirect(lesson.threadPath(((Outcome.Done) outcome).threadId()));
    }

    /** A starter topic from the lesson page, in one click: its thread, started now if there is none. */
    @PostMapping("/starter")
    ResponseEntity<byte[]> starterTopic(
            @PathVariable String trackSlug,
            @PathVariable String lessonSlug,
            @RequestParam(defaultValue = "") String topic,
            CsrfToken csrf,
            HttpServletRequest request) {
        LessonRef lesson = discussion.lesson(trackSlug, lessonSlug);
        Outcome outcome = discussion.startStarterTopic(lesson, signedIn(), topic);
        if (outcome instanceof Outcome.Refused refused) {
            return threadForm(refused.status(), lesson, topic, "", Map.of(), refused.message(), csrf, request);
        }
        return redirect(lesson.threadPath(((Outcome.Done) outcome).threadId()));
    }

    private ResponseEntity<byte[]> threadForm(
            int status,
            LessonRef lesson,
            String title,
            String body,
            Map<String, String> errors,
            String message,
            CsrfToken csrf,
            HttpServletRequest request) {
        Map<String, Object> model = new HashMap<>();
        model.put("viewer", Viewers.of(request));
        model.put("lesson", lesson);
        model.put("title", title == null ? "" : title);
        model.put("body", body == null ? "" : body);
        model.put("errors", errors);
        model.put("message", message);
        model.put("csrf", csrf.getToken());
        return pages.once(status, "discussion/new-thread.jte", model);
    }

    @GetMapping("/{threadId}")
    ResponseEntity<byte[]> thread(
            @PathVariable String trackSlug,
            @PathVariable String lessonSlug,
            @PathVariable long threadId,
            @RequestParam(required = false) Long reply,
            @RequestParam(required = false) String reported,
            CsrfToken csrf,
            HttpServletRequest request) {
        LessonRef lesson = discussion.lesson(trackSlug, lessonSlug);
        String notice = reported != null ? "Thank you: the post is reported, and a moderator will look at it." : null;
        return threadPage(200, lesson, threadId, new PostForm(reply, "", null), notice, csrf, request);
    }

    @PostMapping("/{threadId}/posts")
    ResponseEntity<byte[]> post(
            @PathVariable String trackSlug,
            @PathVariable String lessonSlug,
            @PathVariable long threadId,
            @RequestParam(required = false) Long parent,
            @RequestParam(required = false) String body,
            CsrfToken csrf,
            HttpServletRequest request) {
        LessonRef lesson = discussion.lesson(trackSlug, lessonSlug);
        Outcome outcome = discussion.post(lesson, threadId, signedIn(), parent, body);
        if (outcome instanceof Outcome.Invalid invalid) {
            return threadPage(
                    400,
                    lesson,
                    threadId,
                    new PostForm(parent, body, invalid.errors().get("body")),
                    null,
                    csrf,
                    request);
        }
        if (outcome instanceof Outcome.Refused refused) {
            return threadPage(
                    refused.status(),
                    lesson,
                    threadId,
                    new PostForm(parent, body, refused.message()),
                    null,
                    csrf,
                    request);
        }
        return redirect(lesson.threadPath(threadId) + "#post-" + ((Outcome.Done) outcome).postId());
    }

    private ResponseEntity<byte[]> threadPage(
            int status,
            LessonRef lesson,
            long threadId,
            PostForm form,
            String notice,
            CsrfToken csrf,
            HttpServletRequest request) {
        Optional<CurrentLearner> viewer = CurrentLearner.get();
        Map<String, Object> model = new HashMap<>();
        model.put("viewer", Viewers.of(request));
        model.put("thread", discussion.thread(lesson, threadId, viewer));
        model.put("form", form);
        model.put("notice", notice);
        model.put("signedIn", viewer.isPresent());
        model.put("moderator", viewer.map(CurrentLearner::moderator).orElse(false));
        model.put("csrf", viewer.isPresent() ? csrf.getToken() : "");
        return pages.once(status, "discussion/thread.jte", model);
    }

    @GetMapping("/{threadId}/posts/{postId}/edit")
    ResponseEntity<byte[]> editPage(
            @PathVariable String trackSlug,
            @PathVariable String lessonSlug,
            @PathVariable long threadId,
            @PathVariable long postId,
            CsrfToken csrf,
            HttpServletRequest request) {
        LessonRef lesson = discussion.lesson(trackSlug, lessonSlug);
        DiscussionRepository.PostRow post = discussion.ownPost(lesson, threadId, postId, signedIn());
        return editForm(
                200,
                lesson,
                threadId,
                post,
                post.opening() ? discussion.titleOf(threadId) : "",
                post.body(),
                Map.of(),
                null,
                csrf,
                request);
    }

    @PostMapping("/{threadId}/posts/{postId}/edit")
    ResponseEntity<byte[]> edit(
            @PathVariable String trackSlug,
            @PathVariable String lessonSlug,
            @PathVariable long threadId,
            @PathVariable long postId,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String body,
            CsrfToken csrf,
            HttpServletRequest request) {
        LessonRef lesson = discussion.lesson(trackSlug, lessonSlug);
        Outcome outcome = discussion.edit(lesson, threadId, postId, signedIn(), title, body);
        if (outcome instanceof Outcome.Done) {
            return redirect(lesson.threadPath(threadId) + "#post-" + postId);
        }
        DiscussionRepository.PostRow post = discussion.ownPost(lesson, threadId, postId, signedIn());
        if (outcome instanceof Outcome.Invalid invalid) {
            return editForm(400, lesson, threadId, post, title, body, invalid.errors(), null, csrf, request);
        }
        Outcome.Refused refused = (Outcome.Refused) outcome;
        return editForm(
                refused.status(), lesson, threadId, post, title, body, Map.of(), refused.message(), csrf, request);
    }

    private ResponseEntity<byte[]> editForm(
            int status,
            LessonRef lesson,
            long threadId,
            DiscussionRepository.PostRow post,
            String title,
            String body,
            Map<String, String> errors,
            String message,
            CsrfToken csrf,
            HttpServletRequest request) {
        Map<String, Object> model = new HashMap<>();
        model.put("viewer", Viewers.of(request));
        model.put("lesson", lesson);
        model.put("threadId", threadId);
        model.put("postId", post.id());
        model.put("opening", post.opening());
        model.put("title", title == null ? "" : title);
        model.put("body", body == null ? "" : body);
        model.put("errors", errors);
        model.put("message", message);
        model.put("csrf", csrf.getToken());
        return pages.once(status, "discussion/edit.jte", model);
    }

    @PostMapping("/{threadId}/posts/{postId}/delete")
    ResponseEntity<byte[]> delete(
            @PathVariable String trackSlug,
            @PathVariable String lessonSlug,
            @PathVariable long threadId,
            @PathVariable long postId) {
        LessonRef lesson = discussion.lesson(trackSlug, lessonSlug);
        discussion.delete(lesson, threadId, postId, signedIn());
        return redirect(lesson.threadPath(threadId));
    }

    @PostMapping("/{threadId}/posts/{postId}/report")
    ResponseEntity<byte[]> report(
            @PathVariable String trackSlug,
            @PathVariable String lessonSlug,
            @PathVariable long threadId,
            @PathVariable long postId,
            @RequestParam(required = false) String reason) {
        LessonRef lesson = discussion.lesson(trackSlug, lessonSlug);
        discussion.report(lesson, threadId, postId, signedIn(), reason);
        return redirect(lesson.threadPath(threadId) + "?reported#post-" + postId);
    }

    @PostMapping("/{threadId}/posts/{postId}/hide")
    ResponseEntity<byte[]> hide(
            @PathVariable String trackSlug,
            @PathVariable String lessonSlug,
            @PathVariable long threadId,
            @PathVariable long postId) {
        LessonRef lesson = discussion.lesson(trackSlug, lessonSlug);
        discussion.hide(lesson, threadId, postId, signedIn(), true);
        return redirect(lesson.threadPath(threadId) + "#post-" + postId);
    }

    @PostMapping("/{threadId}/posts/{postId}/unhide")
    ResponseEntity<byte[]> unhide(
            @PathVariable String trackSlug,
            @PathVariable String lessonSlug,
            @PathVariable long threadId,
            @PathVariable long postId) {
        LessonRef lesson = discussion.lesson(trackSlug, lessonSlug);
        discussion.hide(lesson, threadId, postId, signedIn(), false);
        return redirect(lesson.threadPath(threadId) + "#post-" + postId);
    }

    /** Posting paths are for signed-in learners only (DiscussionSecurityRules), so there is one. */
    static CurrentLearner signedIn() {
        return CurrentLearner.get().orElseThrow(() -> new org.netverks.web.ForbiddenException("Log in first."));
    }

    static ResponseEntity<byte[]> redirect(String location) {
        return ResponseEntity.status(303).header(HttpHeaders.LOCATION, location).build();
    }
}
