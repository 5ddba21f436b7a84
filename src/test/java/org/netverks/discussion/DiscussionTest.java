package org.netverks.discussion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netverks.discussion.Discussers.learner;
import static org.netverks.discussion.Discussers.post;
import static org.netverks.discussion.Discussers.startThread;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.netverks.IntegrationTest;
import org.netverks.web.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The discussion's rules on the real app and PostgreSQL, through HTTP as a browser sends forms:
 * public reading, posting only signed in, authorship whatever the request says, soft delete,
 * moderation, the rate limit, pagination, and bad input kept and explained.
 */
@IntegrationTest
class DiscussionTest {

    private static final String LESSON = "/tracks/fixture/first-select";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aLearnersPostsAreInTheirExportAndGoWithTheirAccount() {
        Http leaver = learner(port, "leaver");
        String thread = startThread(leaver, "/tracks/fixture/joins", "Leaving soon", "opening words of the leaver");
        long comment = post(leaver, thread, null, "a comment that should vanish");
        Http stayer = learner(port, "stayer");
        post(stayer, thread, comment, "a reply that stays");
        HttpResponse<String> export = leaver.getJson("/account/export");
        assertThat(export.body())
                .contains("\"discussionPosts\"", "a comment that should vanish", "opening words of the leaver");

        assertThat(leaver.postForm("/account/delete", Map.of("password", Discussers.PASSWORD))
                        .statusCode())
                .isEqualTo(303);
        String page = new Http(port).get(thread).body();
        assertThat(page)
                .doesNotContain("a comment that should vanish")
                .doesNotContain("opening words of the leaver")
                .contains("a reply that stays", "[deleted]");
        assertThat(jdbc.sql("select count(*) from discussion_post where body like '%should vanish%'")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void everyoneReadsOnlySignedInLearnersPost() {
        Http author = learner(port, "Asker");
        String thread = startThread(author, LESSON, "Why SELECT * in production is risky?", "Asking for a *friend*.");
        long comment = post(author, thread, null, "First comment");

        Http anonymous = new Http(port);
        Document page = anonymous.page(thread);
        assertThat(page.select("h1").text()).isEqualTo("Why SELECT * in production is risky?");
        assertThat(page.select("[data-post-body] em").text()).isEqualTo("friend");
        assertThat(page.select("form[action$=/posts]"))
                .as("no posting form for anonymous readers")
                .isEmpty();
        assertThat(page.select("a[data-reply-to=" + comment + "]").attr("href"))
                .isEqualTo("/login?continue="
                        + java.net.URLEncoder.encode(
                                thread + "?reply=" + comment + "#reply-" + comment,
                                java.nio.charset.StandardCharsets.UTF_8));
        assertThat(anonymous
                        .page(LESSON + "/discussion")
                        .select("a[data-start-thread]")
                        .attr("href"))
                .isEqualTo("/login?continue=%2Ftracks%2Ffixture%2Ffirst-select%2Fdiscussion%2Fnew");

        HttpResponse<String> forged = anonymous.postForm(thread + "/posts", Map.of("body", "anonymous words"));
        assertThat(forged.statusCode()).isEqualTo(302);
        assertThat(forged.headers().firstValue("Location").orElseThrow())
                .endsWith("/login?continue="
                        + java.net.URLEncoder.encode(thread, java.nio.charset.StandardCharsets.UTF_8));
        HttpResponse<String> newThread = anonymous.postForm(LESSON + "/discussion", Map.of("title", "t", "body", "b"));
        assertThat(newThread.headers().firstValue("Location").orElseThrow())
                .endsWith("/login?continue=%2Ftracks%2Ffixture%2Ffirst-select%23discussion");
        assertThat(anonymous.page(thread).text()).doesNotContain("anonymous words");
    }

    @Test
    void commentsHaveOneLevelOfRepliesAndTheListCountsThem() {
        Http asker = learner(port, "Asker");
        Http helper = learner(port, "Helper");
        String thread = startThread(asker, LESSON, "Column aliases in WHERE?", "Why can't I use an alias in WHERE?");
        long comment = post(helper, thread, null, "Because WHERE runs before SELECT.");
        long reply = post(asker, thread, comment, "Thanks!");
        long replyToReply = post(helper, thread, reply, "You're welcome.");

        Document page = new Http(port).page(thread);
        Element commentItem = page.selectFirst("#post-" + comment).parent();
        assertThat(commentItem.select(".replies > li article").eachAttr("id"))
                .as("a reply to a reply joins the same comment")
                .containsExactly("post-" + reply, "post-" + replyToReply);
        assertThat(page.select(".comments-title").text()).isEqualTo("3 comments");
        Element listed =
                new Http(port).page(LESSON + "/discussion?fragment").selectFirst("[data-thread-id=" + id(thread) + "]");
        assertThat(listed.select("[data-comment-count]").attr("data-comment-count"))
                .isEqualTo("3");
        assertThat(listed.text()).contains("started by Asker");
    }

    @Test
    void onlyTheAuthorEditsOrDeletesAPostWhateverTheRequestLooksLike() {
        Http author = learner(port, "Author");
        Http other = learner(port, "Other");
        Http moderator = Discussers.moderator(port);
        String thread = startThread(author, LESSON, "My own thread", "Original words");
        long comment = post(author, thread, null, "My comment");
        String otherThread = startThread(other, LESSON, "Someone else's thread", "Theirs");
        long opening = openingPost(new Http(port).page(thread));

        for (Http intruder : List.of(other, moderator)) {
            assertThat(intruder.postForm(thread + "/posts/" + comment + "/edit", Map.of("body", "defaced"))
                            .statusCode())
                    .isEqualTo(403);
            assertThat(intruder.postForm(thread + "/posts/" + comment + "/delete", Map.of())
                            .statusCode())
                    .isEqualTo(403);
            assertThat(intruder.postForm(thread + "/posts/" + opening + "/edit", Map.of("title", "x", "body", "y"))
                            .statusCode())
                    .isEqualTo(403);
            assertThat(intruder.get(thread + "/posts/" + comment + "/edit").statusCode())
                    .isEqualTo(403);
            // the post under the intruder's own thread's address, an author field, JSON: still not theirs
            assertThat(intruder.postForm(otherThread + "/posts/" + comment + "/delete", Map.of())
                            .statusCode())
                    .isEqualTo(403);
            assertThat(intruder.postForm(
                                    thread + "/posts/" + comment + "/edit",
                                    Map.of("body", "defaced", "authorId", "me", "author", "Author"))
                            .statusCode())
                    .isEqualTo(403);
            HttpResponse<String> json = intruder.postJson(thread + "/posts/" + comment + "/delete", "{}");
            assertThat(json.statusCode()).isEqualTo(403);
            assertThat(json.body()).contains("only its author can edit or delete it");
            // another lesson's address for the same post
            assertThat(intruder.postForm(
                                    "/tracks/fixture/joins/discussion/" + id(thread) + "/posts/" + comment + "/delete",
                                    Map.of())
                            .statusCode())
                    .isEqualTo(403);
        }
        Document page = new Http(port).page(thread);
        assertThat(page.text()).contains("My comment", "Original words").doesNotContain("defaced");

        assertThat(author.postForm(thread + "/posts/" + comment + "/edit", Map.of("body", "My **edited** comment"))
                        .statusCode())
                .isEqualTo(303);
        assertThat(author.postForm(
                                thread + "/posts/" + opening + "/edit",
                                Map.of("title", "My renamed thread", "body", "New words"))
                        .statusCode())
                .isEqualTo(303);
        page = new Http(port).page(thread);
        assertThat(page.select("h1").text()).isEqualTo("My renamed thread");
        assertThat(page.select("#post-" + comment + " strong").text()).contains("edited");
        assertThat(page.select("#post-" + comment + " .post-header").text()).contains("edited");
    }

    @Test
    void aDeletedPostWithRepliesKeepsItsPlace() {
        Http asker = learner(port, "Asker");
        Http helper = learner(port, "Helper");
        String thread = startThread(asker, LESSON, "Deleting in the middle", "");
        long kept = post(helper, thread, null, "A comment that gets a reply");
        long reply = post(asker, thread, kept, "The reply to it");
        long lonely = post(helper, thread, null, "A comment nobody answers");

        assertThat(helper.postForm(thread + "/posts/" + kept + "/delete", Map.of())
                        .statusCode())
                .isEqualTo(303);
        assertThat(helper.postForm(thread + "/posts/" + lonely + "/delete", Map.of())
                        .statusCode())
                .isEqualTo(303);
        Document page = new Http(port).page(thread);
        assertThat(page.select("#post-" + kept + " .post-placeholder").text()).isEqualTo("[deleted]");
        assertThat(page.select("#post-" + kept + " .post-author").text()).isEqualTo("[deleted]");
        assertThat(page.text()).doesNotContain("A comment that gets a reply", "A comment nobody answers");
        assertThat(page.select("#post-" + lonely))
                .as("a deleted post without replies is gone")
                .isEmpty();
        assertThat(page.select("#post-" + reply).text()).contains("The reply to it");
        assertThat(page.select(".comments-title").text()).isEqualTo("1 comment");
        assertThat(helper.postForm(thread + "/posts", Map.of("parent", String.valueOf(kept), "body", "late"))
                        .statusCode())
                .isEqualTo(400);
        assertThat(helper.postForm(thread + "/posts/" + kept + "/edit", Map.of("body", "back"))
                        .statusCode())
                .isEqualTo(404);

        // an opening post deleted with nothing under it takes its thread away
        String empty = startThread(asker, LESSON, "A thread I regret", "oops");
        assertThat(asker.postForm(empty + "/posts/" + openingPost(asker.page(empty)) + "/delete", Map.of())
                        .statusCode())
                .isEqualTo(303);
        assertThat(new Http(port).get(empty).statusCode()).isEqualTo(404);
        assertThat(new Http(port).page(LESSON + "/discussion?fragment").select("[data-thread-id=" + id(empty) + "]"))
                .isEmpty();
    }

    @Test
    void moderatorsHidePostsAndBlockAccounts() {
        Http troll = learner(port, "Troll");
        Http reader = learner(port, "Reader");
        Http moderator = Discussers.moderator(port);
        String thread = startThread(reader, LESSON, "A calm question", "About LIMIT");
        long rude = post(troll, thread, null, "Something rude");

        assertThat(reader.postForm(thread + "/posts/" + rude + "/report", Map.of("reason", "rude"))
                        .statusCode())
                .isEqualTo(303);
        assertThat(reader.page(thread + "?reported").select(".form-notice").text())
                .contains("reported");
        assertThat(moderator
                        .page("/moderation/reports")
                        .select("[data-report-post=" + rude + "]")
                        .text())
                .contains("Something rude", "rude");
        assertThat(reader.get("/moderation/reports").statusCode()).isEqualTo(403);
        assertThat(reader.postForm(thread + "/posts/" + rude + "/hide", Map.of())
                        .statusCode())
                .isEqualTo(403);

        assertThat(moderator
                        .postForm(thread + "/posts/" + rude + "/hide", Map.of())
                        .statusCode())
                .isEqualTo(303);
        for (Http viewer : List.of(new Http(port), reader, troll)) {
            Document page = viewer.page(thread);
            assertThat(page.select("#post-" + rude + " .post-placeholder").text())
                    .isEqualTo("[hidden by a moderator]");
            assertThat(page.text()).doesNotContain("Something rude");
        }
        Document moderated = moderator.page(thread);
        assertThat(moderated.select("#post-" + rude).text()).contains("Something rude", "hidden");
        assertThat(moderator.page("/moderation/reports").select("[data-report-post=" + rude + "]"))
                .as("hiding resolves the reports")
                .isEmpty();

        String blockAction =
                moderated.select("#post-" + rude + " form[action$=/block]").attr("action");
        assertThat(blockAction).startsWith("/moderation/accounts/");
        assertThat(reader.postForm(blockAction, Map.of()).statusCode()).isEqualTo(403);
        assertThat(moderator.postForm(blockAction, Map.of("back", thread)).statusCode())
                .isEqualTo(303);
        HttpResponse<String> blocked = troll.postForm(thread + "/posts", Map.of("body", "I am back"));
        assertThat(blocked.statusCode()).isEqualTo(403);
        assertThat(Jsoup.parse(blocked.body()).select("#comment-body-error").text())
                .contains("blocked from posting");
        assertThat(Jsoup.parse(blocked.body()).select("#comment-body").text()).isEqualTo("I am back");
        assertThat(troll.postForm(LESSON + "/discussion", Map.of("title", "New", "body", "thread"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(troll.postForm(thread + "/posts/" + rude + "/edit", Map.of("body", "edited"))
                        .statusCode())
                .isEqualTo(403);

        assertThat(moderator
                        .postForm(blockAction.replace("/block", "/unblock"), Map.of())
                        .statusCode())
                .isEqualTo(303);
        post(troll, thread, null, "Sorry about that");
        assertThat(moderator
                        .postForm(thread + "/posts/" + rude + "/unhide", Map.of())
                        .statusCode())
                .isEqualTo(303);
        assertThat(new Http(port).page(thread).text()).contains("Something rude");
    }

    @Test
    void postingTooFastIsRefusedWithTheWaitAndTheTextKept() {
        Http eager = learner(port, "Eager");
        String thread = startThread(eager, LESSON, "Rapid fire", "one");
        for (int i = 2; i <= 5; i++) {
            post(eager, thread, null, "post " + i);
        }
        HttpResponse<String> sixth = eager.postForm(thread + "/posts", Map.of("body", "the sixth in a minute"));
        assertThat(sixth.statusCode()).isEqualTo(429);
        Document page = Jsoup.parse(sixth.body());
        assertThat(page.select("#comment-body-error").text())
                .matches(
                        "You are posting faster than the discussion allows \\(5 posts a minute\\): wait \\d+ seconds?, .*");
        assertThat(page.select("#comment-body").text()).isEqualTo("the sixth in a minute");
        assertThat(eager.postForm(LESSON + "/discussion", Map.of("title", "Another", "body", "x"))
                        .statusCode())
                .isEqualTo(429);
        assertThat(learner(port, "Calm")
                        .postForm(thread + "/posts", Map.of("body", "someone else"))
                        .statusCode())
                .as("the limit is per account")
                .isEqualTo(303);
    }

    @Test
    void threadsArePagedNewestActivityFirstWithCounts() {
        String lesson = "/tracks/fixture/indexes";
        jdbc.sql("delete from discussion_thread where lesson_id = 'pg-indexes'").update();
        List<String> threads = new java.util.ArrayList<>();
        for (int learner = 0; learner < 5; learner++) {
            Http http = learner(port, "Pager" + learner);
            for (int i = 0; i < 5; i++) {
                threads.add(startThread(http, lesson, "Thread " + (threads.size() + 1), ""));
            }
        }
        // a comment on the oldest thread brings it to the top
        post(learner(port, "Reviver"), threads.get(0), null, "Still relevant");

        Document first = new Http(port).page(lesson + "/discussion");
        assertThat(first.select("[data-thread-total]").text()).startsWith("25 threads");
        List<String> titles = first.select(".thread-title").eachText();
        assertThat(titles).hasSize(20);
        assertThat(titles.subList(0, 3)).containsExactly("Thread 1", "Thread 25", "Thread 24");
        assertThat(first.select(".pagination").text()).contains("Page 1 of 2");
        assertThat(first.select("[data-thread-id=" + id(threads.get(0)) + "] [data-comment-count]")
                        .text())
                .isEqualTo("1 comment");
        Document second = new Http(port).page(lesson + "/discussion?page=2&fragment");
        assertThat(second.select(".thread-title").eachText())
                .containsExactly("Thread 6", "Thread 5", "Thread 4", "Thread 3", "Thread 2");
        assertThat(second.select("a[rel=prev]").attr("href")).isEqualTo(lesson + "/discussion");
        assertThat(new Http(port).get(lesson + "/discussion?page=3").statusCode())
                .isEqualTo(404);
        assertThat(new Http(port).get(lesson + "/discussion?page=0").statusCode())
                .isEqualTo(404);
    }

    @Test
    void badInputIsExplainedWithTheTextKept() {
        Http learner = learner(port, "Typo");
        HttpResponse<String> empty =
                learner.postForm(LESSON + "/discussion", Map.of("title", "  ", "body", "my details"));
        assertThat(empty.statusCode()).isEqualTo(400);
        Document page = Jsoup.parse(empty.body());
        assertThat(page.select("#title-error").text()).startsWith("Give your thread a title");
        assertThat(page.select("#thread-body").text()).isEqualTo("my details");

        String longTitle = "t".repeat(151);
        HttpResponse<String> tooLong =
                learner.postForm(LESSON + "/discussion", Map.of("title", longTitle, "body", "b"));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        page = Jsoup.parse(tooLong.body());
        assertThat(page.select("#title-error").text()).contains("151 characters", "limit is 150");
        assertThat(page.select("#thread-title").val()).isEqualTo(longTitle);

        String longBody = "b".repeat(10_001);
        HttpResponse<String> bodyTooLong =
                learner.postForm(LESSON + "/discussion", Map.of("title", "ok", "body", longBody));
        assertThat(bodyTooLong.statusCode()).isEqualTo(400);
        page = Jsoup.parse(bodyTooLong.body());
        assertThat(page.select("#body-error").text()).contains("10,001 characters", "limit is 10,000");
        assertThat(page.select("#thread-body").text()).isEqualTo(longBody);

        String thread = startThread(learner, LESSON, "Fine title", "");
        HttpResponse<String> emptyComment = learner.postForm(thread + "/posts", Map.of("body", " \n "));
        assertThat(emptyComment.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(emptyComment.body())
                        .select("#comment-body-error")
                        .text())
                .startsWith("Write something");
        HttpResponse<String> longReply = learner.postForm(
                thread + "/posts",
                Map.of("body", longBody, "parent", String.valueOf(post(learner, thread, null, "a comment"))));
        assertThat(longReply.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(longReply.body())
                        .select("details.reply[open] textarea")
                        .text())
                .isEqualTo(longBody);
        assertThat(learner.postForm(thread + "/posts", Map.of("body", "x", "parent", "999999999"))
                        .statusCode())
                .isEqualTo(400);

        HttpResponse<String> noLesson =
                learner.postForm("/tracks/fixture/no-such-lesson/discussion", Map.of("title", "Lost", "body", "words"));
        assertThat(noLesson.statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(noLesson.body()).text()).contains("no lesson called “no-such-lesson”");
        assertThat(learner.get("/tracks/nowhere/first-select/discussion").statusCode())
                .isEqualTo(404);
        assertThat(learner.get(LESSON + "/discussion/999999999").statusCode()).isEqualTo(404);
        assertThat(learner.get("/tracks/fixture/joins/discussion/" + id(thread)).statusCode())
                .as("a thread only under its own lesson")
                .isEqualTo(404);
        assertThat(learner.postForm(LESSON + "/discussion/999999999/posts", Map.of("body", "x"))
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void anEditWithAProblemComesBackWithTheTextKept() {
        Http author = learner(port, "Editor");
        String thread = startThread(author, LESSON, "Before", "first words");
        long comment = post(author, thread, null, "a comment");
        long opening = openingPost(author.page(thread));

        Document form = author.page(thread + "/posts/" + opening + "/edit");
        assertThat(form.select("#thread-title").val()).isEqualTo("Before");
        assertThat(form.select("#post-body").text()).isEqualTo("first words");
        HttpResponse<String> noTitle =
                author.postForm(thread + "/posts/" + opening + "/edit", Map.of("title", "", "body", "changed words"));
        assertThat(noTitle.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(noTitle.body()).select("#title-error").text()).isEqualTo("A thread needs a title.");
        assertThat(Jsoup.parse(noTitle.body()).select("#post-body").text()).isEqualTo("changed words");
        HttpResponse<String> emptied = author.postForm(thread + "/posts/" + comment + "/edit", Map.of("body", ""));
        assertThat(emptied.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(emptied.body()).select("#body-error").text()).startsWith("Write something");
        assertThat(new Http(port).page(thread).text()).contains("Before", "first words", "a comment");
    }

    @Test
    void htmlScriptsAndJavascriptLinksNeverReachThePage() {
        Http attacker = learner(port, "Mallory");
        String payload =
                """
                <script>alert('x')</script> <img src=x onerror="alert(1)"> <b onmouseover=alert(2)>bold</b>
                [click](javascript:alert(3)) <a href="javascript:alert(4)">raw</a> [ok](https://example.org/page)
                <iframe src="https://example.org"></iframe> <svg onload=alert(5)></svg>

                `<script>inline code</script>`
                """;
        String thread = startThread(attacker, LESSON, "<script>alert('title')</script>", payload);
        post(attacker, thread, null, payload);
        Document page = new Http(port).page(thread);
        assertThat(page.select("h1").text()).isEqualTo("<script>alert('title')</script>");
        for (Element body : page.select("[data-post-body]")) {
            assertThat(body.select("script, img, iframe, svg, b")).isEmpty();
            assertThat(body.getAllElements().stream()
                            .flatMap(e -> e.attributes().asList().stream())
                            .filter(a -> a.getKey().startsWith("on")
                                    || a.getValue().toLowerCase().contains("javascript:")))
                    .isEmpty();
            assertThat(body.select("a").eachAttr("href")).containsExactly("https://example.org/page");
            assertThat(body.select("a").attr("rel")).contains("nofollow", "noopener");
            assertThat(body.select("code").text()).isEqualTo("<script>inline code</script>");
        }
        assertThat(page.select("[data-post-body]")).hasSize(2);
    }

    @Test
    void aStarterTopicIsOneClickAndOneThread() {
        jdbc.sql("delete from discussion_thread where lesson_id = 'pg-joins' and starter_topic")
                .update();
        String topic = "How do I debug a join that returns too many rows?";
        Http first = learner(port, "Starter");
        HttpResponse<String> started =
                first.postForm("/tracks/fixture/joins/discussion/starter", Map.of("topic", topic));
        assertThat(started.statusCode()).isEqualTo(303);
        String thread = started.headers().firstValue("Location").orElseThrow();
        assertThat(new Http(port).page(thread).select("h1").text()).isEqualTo(topic);
        HttpResponse<String> again =
                learner(port, "Second").postForm("/tracks/fixture/joins/discussion/starter", Map.of("topic", topic));
        assertThat(again.headers().firstValue("Location").orElseThrow())
                .as("the open thread, not a copy")
                .isEqualTo(thread);
        assertThat(first.postForm("/tracks/fixture/joins/discussion/starter", Map.of("topic", "Anything I like"))
                        .statusCode())
                .isEqualTo(400);
    }

    private static long id(String threadPath) {
        return Long.parseLong(threadPath.substring(threadPath.lastIndexOf('/') + 1));
    }

    private static long openingPost(Document thread) {
        return Long.parseLong(thread.selectFirst("article.post").attr("data-post-id"));
    }
}
