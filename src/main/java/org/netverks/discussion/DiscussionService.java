package org.netverks.discussion;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.netverks.content.ContentCatalog;
import org.netverks.content.Track;
import org.netverks.discussion.DiscussionRepository.PostRow;
import org.netverks.discussion.DiscussionRepository.Posting;
import org.netverks.discussion.DiscussionRepository.ThreadRow;
import org.netverks.learner.CurrentLearner;
import org.netverks.learner.EmailNotVerifiedException;
import org.netverks.web.BadRequestException;
import org.netverks.web.ForbiddenException;
import org.netverks.web.NotFoundException;
import org.netverks.web.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The discussion's rules: who may post (signed in, e-mail address confirmed, not blocked, not too fast), what a post may be
 * (a title of at most 150 characters, a body of at most 10,000), who may change a post (its author,
 * whatever the request says), and what each viewer sees of deleted and hidden posts.
 */
@Service
class DiscussionService {

    static final int TITLE_LIMIT = 150;
    static final int BODY_LIMIT = 10_000;
    static final String DELETED = "[deleted]";
    static final String HIDDEN = "[hidden by a moderator]";

    private final ContentCatalog catalog;
    private final DiscussionRepository repository;
    private final PostRenderer renderer;
    private final int threadsPerPage;
    private final int postsPerMinute;
    private final int postsPerHour;

    DiscussionService(
            ContentCatalog catalog,
            DiscussionRepository repository,
            PostRenderer renderer,
            DiscussionProperties properties) {
        this.catalog = catalog;
        this.repository = repository;
        this.renderer = renderer;
        this.threadsPerPage = properties.threadsPerPage();
        this.postsPerMinute = properties.postsPerMinute();
        this.postsPerHour = properties.postsPerHour();
    }

    LessonRef lesson(String trackSlug, String lessonSlug) {
        Track track = catalog.current()
                .track(trackSlug)
                .orElseThrow(() -> new NotFoundException("There is no track called “" + trackSlug + "”."));
        Track.Step step = track.step(lessonSlug)
                .filter(Track.Step::available)
                .orElseThrow(() -> new NotFoundException(
                        "The track “" + track.title() + "” has no lesson called “" + lessonSlug + "” to discuss."));
        return LessonRef.of(track, step.lesson());
    }

    /** The path of a thread, wherever its lesson now lives in the tracks. */
    String threadPath(long threadId) {
        ThreadRow thread = repository
                .thread(threadId)
                .orElseThrow(() -> new NotFoundException("There is no thread " + threadId + "."));
        for (Track track : catalog.current().tracks()) {
            for (Track.Step step : track.steps()) {
                if (step.available() && step.lesson().id().equals(thread.lessonId())) {
                    return LessonRef.of(track, step.lesson()).threadPath(threadId);
                }
            }
        }
        throw new NotFoundException("The lesson of thread " + threadId + " is not published any more.");
    }

    ThreadList threads(LessonRef lesson, int page, Optional<CurrentLearner> viewer) {
        int total = repository.threadCount(lesson.lessonId());
        int pages = Math.max(1, (total + threadsPerPage - 1) / threadsPerPage);
        if (page < 1 || page > pages) {
            throw new NotFoundException("The discussion of “" + lesson.lessonTitle() + "” has " + pages
                    + (pages == 1 ? " page" : " pages") + "; there is no page " + page + ".");
        }
        boolean moderator = viewer.map(CurrentLearner::moderator).orElse(false);
        List<ThreadSummary> threads =
                repository.threads(lesson.lessonId(), threadsPerPage, (page - 1) * threadsPerPage).stream()
                        .map(row -> summary(lesson, row, moderator))
                        .toList();
        return new ThreadList(lesson, threads, page, pages, total);
    }

    private static ThreadSummary summary(LessonRef lesson, ThreadRow row, boolean moderator) {
        boolean hidden = row.openingHidden() && !moderator;
        return new ThreadSummary(
                row.id(),
                hidden ? HIDDEN : row.title(),
                row.openingHidden(),
                authorName(row.authorName()),
                row.createdAt(),
                row.lastActivityAt(),
                row.comments(),
                lesson.threadPath(row.id()));
    }

    ThreadView thread(LessonRef lesson, long threadId, Optional<CurrentLearner> viewer) {
        ThreadRow thread = threadOf(lesson, threadId);
        UUID me = viewer.map(CurrentLearner::accountId).orElse(null);
        boolean moderator = viewer.map(CurrentLearner::moderator).orElse(false);
        List<PostRow> rows = repository.posts(threadId);
        PostRow openingRow = rows.stream().filter(PostRow::opening).findFirst().orElseThrow();
        List<PostView> comments = new ArrayList<>();
        int count = 0;
        for (PostRow row : rows) {
            if (row.opening() || row.parentId() != null) {
                continue;
            }
            List<PostView> replies = rows.stream()
                    .filter(reply -> row.id() == orZero(reply.parentId()))
                    .filter(reply -> reply.deletedAt() == null)
                    .map(reply -> view(reply, List.of(), me, moderator))
                    .toList();
            count += replies.size() + (row.deletedAt() == null ? 1 : 0);
            if (row.deletedAt() != null && replies.isEmpty()) {
                continue; // a deleted comment keeps its place only while it has replies
            }
            comments.add(view(row, replies, me, moderator));
        }
        if (openingRow.deletedAt() != null && comments.isEmpty()) {
            throw new NotFoundException("This thread was deleted by its author.");
        }
        boolean titleHidden = openingRow.hiddenAt() != null && !moderator;
        return new ThreadView(
                lesson,
                threadId,
                titleHidden ? HIDDEN : thread.title(),
                titleHidden,
                view(openingRow, List.of(), me, moderator),
                comments,
                count);
    }

    private static long orZero(Long id) {
        return id == null ? 0 : id;
    }

    private PostView view(PostRow row, List<PostView> replies, UUID me, boolean moderator) {
        boolean deleted = row.deletedAt() != null;
        boolean hidden = row.hiddenAt() != null;
        boolean shown = !deleted && (!hidden || moderator);
        boolean mine = me != null && me.equals(row.authorId());
        return new PostView(
                row.id(),
                row.opening(),
                deleted ? DELETED : authorName(row.authorName()),
                moderator ? row.authorId() : null,
                row.authorBlocked(),
                row.createdAt(),
                row.editedAt(),
                deleted,
                hidden,
                shown,
                shown ? renderer.render(row.body()) : "",
                mine && !deleted ? row.body() : "",
                mine && !deleted,
                moderator ? row.openReports() : 0,
                replies);
    }

    /** A deleted account keeps its posts without a name. */
    private static String authorName(String name) {
        return name == null ? "A former learner" : name;
    }

    private ThreadRow threadOf(LessonRef lesson, long threadId) {
        return repository
                .thread(threadId)
                .filter(row -> row.lessonId().equals(lesson.lessonId()))
                .orElseThrow(() -> new NotFoundException(
                        "The discussion of “" + lesson.lessonTitle() + "” has no thread " + threadId + "."));
    }

    @Transactional
    Outcome startThread(LessonRef lesson, CurrentLearner learner, String title, String body) {
        Map<String, String> errors = new LinkedHashMap<>();
        String cleanTitle = cleanTitle(title);
        String cleanBody = body == null ? "" : body.strip();
        titleProblem(cleanTitle, true).ifPresent(problem -> errors.put("title", problem));
        bodyProblem(cleanBody, false).ifPresent(problem -> errors.put("body", problem));
        if (!errors.isEmpty()) {
            return new Outcome.Invalid(errors);
        }
        Optional<Outcome.Refused> refused = mayPost(learner);
        if (refused.isPresent()) {
            return refused.get();
        }
        long threadId = repository.insertThread(lesson.lessonId(), cleanTitle, learner.accountId(), false, cleanBody);
        return new Outcome.Done(threadId, 0);
    }

    /** One click on a starter topic: the thread about it, made now unless one is already open. */
    @Transactional
    Outcome startStarterTopic(LessonRef lesson, CurrentLearner learner, String topic) {
        String chosen = lesson.starterTopics().stream()
                .filter(t -> t.equals(topic))
                .findFirst()
                .orElseThrow(
                        () -> new BadRequestException("“" + topic + "” is not one of this lesson's starter topics."));
        Optional<Long> existing = repository.liveThreadTitled(lesson.lessonId(), chosen);
        if (existing.isPresent()) {
            return new Outcome.Done(existing.get(), 0);
        }
        Optional<Outcome.Refused> refused = mayPost(learner);
        if (refused.isPresent()) {
            return refused.get();
        }
        return new Outcome.Done(repository.insertThread(lesson.lessonId(), chosen, learner.accountId(), true, ""), 0);
    }

    /** A comment ({@code parentId} null) or a reply; a reply to a reply joins the same comment. */
    @Transactional
    Outcome post(LessonRef lesson, long threadId, CurrentLearner learner, Long parentId, String body) {
        threadOf(lesson, threadId);
        Long parent = null;
        if (parentId != null) {
            PostRow to = repository
                    .post(parentId)
                    .filter(row -> row.threadId() == threadId && !row.opening())
                    .orElseThrow(() -> new BadRequestException(
                            "There is no comment " + parentId + " in this thread to reply to."));
            if (to.deletedAt() != null) {
                throw new BadRequestException("That comment was deleted; it takes no new replies.");
            }
            parent = to.parentId() != null ? to.parentId() : to.id();
        }
        String cleanBody = body == null ? "" : body.strip();
        Optional<String> problem = bodyProblem(cleanBody, true);
        if (problem.isPresent()) {
            return new Outcome.Invalid(Map.of("body", problem.get()));
        }
        Optional<Outcome.Refused> refused = mayPost(learner);
        if (refused.isPresent()) {
            return refused.get();
        }
        return new Outcome.Done(threadId, repository.insertPost(threadId, parent, learner.accountId(), cleanBody));
    }

    /** A title is one line: runs of white space (a forged newline, say) become one space. */
    private static String cleanTitle(String title) {
        return title == null ? "" : title.strip().replaceAll("\\s+", " ");
    }

    /** A thread being started gets the longer advice; an edit only the rule. */
    private static Optional<String> titleProblem(String title, boolean starting) {
        if (title.isEmpty()) {
            return Optional.of(
                    starting
                            ? "Give your thread a title: the question or topic in a few words."
                            : "A thread needs a title.");
        }
        if (title.length() > TITLE_LIMIT) {
            return Optional.of("The title is " + title.length() + " characters long; the limit is " + TITLE_LIMIT + "."
                    + (starting ? " Shorten it and put the details in the text." : ""));
        }
        return Optional.empty();
    }

    private static Optional<String> bodyProblem(String body, boolean required) {
        if (required && body.isEmpty()) {
            return Optional.of("Write something before posting: an empty post says nothing.");
        }
        if (body.length() > BODY_LIMIT) {
            return Optional.of("Your text is " + String.format("%,d", body.length()) + " characters long; the limit is "
                    + String.format("%,d", BODY_LIMIT) + ". Nothing is lost: shorten it and post again.");
        }
        return Optional.empty();
    }

    /**
     * Accounts without a confirmed e-mail address (a 403 page offering the link again) and blocked
     * ones never post; others at most so many posts a minute and an hour.
     */
    private Optional<Outcome.Refused> mayPost(CurrentLearner learner) {
        Posting posting = repository.posting(learner.accountId());
        if (!posting.verified()) {
            throw new EmailNotVerifiedException();
        }
        if (posting.blocked()) {
            return Optional.of(refused(
                    Refusal.Kind.BLOCKED,
                    "Your account is blocked from posting in discussions by a "
                            + "moderator. You can still read everything."));
        }
        if (posting.lastMinute() >= postsPerMinute) {
            return Optional.of(tooFast(postsPerMinute + " posts a minute", posting.minuteWaitSeconds()));
        }
        if (posting.lastHour() >= postsPerHour) {
            return Optional.of(tooFast(postsPerHour + " posts an hour", posting.hourWaitSeconds()));
        }
        return Optional.empty();
    }

    private static Outcome.Refused tooFast(String limit, int waitSeconds) {
        int wait = Math.max(1, waitSeconds);
        return refused(
                Refusal.Kind.TOO_FAST,
                "You are posting faster than the discussion allows (" + limit + "): wait " + wait
                        + (wait == 1 ? " second" : " seconds") + ", then post again. Your text is kept below.");
    }

    private static Outcome.Refused refused(Refusal.Kind kind, String message) {
        return new Outcome.Refused(new Refusal(kind, message));
    }

    /** The post, if the learner wrote it: anyone else gets a 403, whatever the request claims. */
    PostRow ownPost(LessonRef lesson, long threadId, long postId, CurrentLearner learner) {
        PostRow post =
                repository.post(postId).orElseThrow(() -> new NotFoundException("There is no post " + postId + "."));
        if (!learner.accountId().equals(post.authorId())) {
            throw new ForbiddenException("This post is someone else's: only its author can edit or delete it.");
        }
        if (post.threadId() != threadId
                || !threadOf(lesson, threadId).lessonId().equals(lesson.lessonId())) {
            throw new NotFoundException("There is no post " + postId + " in this thread.");
        }
        if (post.deletedAt() != null) {
            throw new NotFoundException("This post was deleted.");
        }
        return post;
    }

    String titleOf(long threadId) {
        return repository.thread(threadId).map(ThreadRow::title).orElse("");
    }

    @Transactional
    Outcome edit(LessonRef lesson, long threadId, long postId, CurrentLearner learner, String title, String body) {
        PostRow post = ownPost(lesson, threadId, postId, learner);
        Map<String, String> errors = new LinkedHashMap<>();
        String cleanTitle = cleanTitle(title);
        if (post.opening()) {
            titleProblem(cleanTitle, false).ifPresent(problem -> errors.put("title", problem));
        }
        String cleanBody = body == null ? "" : body.strip();
        bodyProblem(cleanBody, !post.opening()).ifPresent(problem -> errors.put("body", problem));
        if (!errors.isEmpty()) {
            return new Outcome.Invalid(errors);
        }
        Posting posting = repository.posting(learner.accountId());
        if (!posting.verified()) {
            throw new EmailNotVerifiedException();
        }
        if (posting.blocked()) {
            return refused(
                    Refusal.Kind.BLOCKED,
                    "Your account is blocked from posting in discussions by a moderator, "
                            + "so your posts cannot be edited either. You can still delete them.");
        }
        repository.updatePost(postId, cleanBody);
        if (post.opening()) {
            repository.updateTitle(threadId, cleanTitle);
        }
        return new Outcome.Done(threadId, postId);
    }

    @Transactional
    void delete(LessonRef lesson, long threadId, long postId, CurrentLearner learner) {
        ownPost(lesson, threadId, postId, learner);
        repository.deletePost(postId);
    }

    void report(LessonRef lesson, long threadId, long postId, CurrentLearner learner, String reason) {
        PostRow post = postInThread(lesson, threadId, postId);
        if (learner.accountId().equals(post.authorId())) {
            throw new BadRequestException("This is your own post: edit or delete it instead of reporting it.");
        }
        String cleanReason = reason == null ? "" : reason.strip();
        if (cleanReason.length() > 500) {
            throw new BadRequestException("Say why in at most 500 characters.");
        }
        repository.report(postId, learner.accountId(), cleanReason);
    }

    void hide(LessonRef lesson, long threadId, long postId, CurrentLearner learner, boolean hide) {
        moderatorOnly(learner);
        postInThread(lesson, threadId, postId);
        if (hide) {
            repository.hidePost(postId, learner.accountId());
        } else {
            repository.unhidePost(postId);
        }
    }

    void dismissReports(long postId, CurrentLearner learner) {
        moderatorOnly(learner);
        repository.resolveReports(postId);
    }

    void block(UUID accountId, CurrentLearner learner, boolean blocked) {
        moderatorOnly(learner);
        if (accountId.equals(learner.accountId())) {
            throw new BadRequestException("You cannot block your own account.");
        }
        if (!repository.setBlocked(accountId, blocked)) {
            throw new NotFoundException("There is no such account.");
        }
    }

    /** The moderators' queue: each reported post as moderators see it, with where it is. */
    List<ReportView> openReports(CurrentLearner learner) {
        moderatorOnly(learner);
        return repository.openReports().stream()
                .map(row -> new ReportView(
                        row.postId(),
                        row.threadTitle(),
                        "/discussion/threads/" + row.threadId() + "#post-" + row.postId(),
                        authorName(row.authorName()),
                        renderer.render(row.body()),
                        row.reports(),
                        row.reasons() == null ? "" : row.reasons(),
                        row.hidden()))
                .toList();
    }

    private PostRow postInThread(LessonRef lesson, long threadId, long postId) {
        threadOf(lesson, threadId);
        return repository
                .post(postId)
                .filter(row -> row.threadId() == threadId)
                .orElseThrow(() -> new NotFoundException("There is no post " + postId + " in this thread."));
    }

    private static void moderatorOnly(CurrentLearner learner) {
        if (!learner.moderator()) {
            throw new ForbiddenException("Only moderators can do this.");
        }
    }
}
