package org.netverks.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netverks.IntegrationTest;
import org.netverks.web.Http;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Step 33 of the PostgreSQL track shows every element of the reference lesson page. */
@IntegrationTest
class LessonPageTest {

    private static final String PAGE = "/tracks/fixture/postgresql-with-python";

    @LocalServerPort
    int port;

    private Document page;

    @BeforeEach
    void open() {
        page = new Http(port).page(PAGE);
    }

    @Test
    void skipLinkIsTheFirstFocusableElement() {
        Element first = page.select("a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex=-1])")
                .first();
        assertThat(first.text()).isEqualTo("Skip to content");
        assertThat(first.attr("href")).isEqualTo("#content");
        assertThat(page.getElementById("content").tagName()).isEqualTo("main");
    }

    @Test
    void headerHasSiteNameAndAccountLinks() {
        Element header = page.selectFirst("header.site-header");
        assertThat(header.selectFirst(".brand").text()).isEqualTo("Learn Netverks");
        assertThat(header.select("a").eachAttr("href")).contains("/signup", "/login");
    }

    @Test
    void trackPositionShowsStepAndPercentInWordsAndTheBarIsTheLearnersOwnCompletion() {
        Element position = page.selectFirst(".track-position");
        assertThat(position.text())
                .contains("Step 33/36")
                .contains("92% through track")
                .contains("0 of 36 completed");
        // a 92 % full bar above "0 of 36 completed" read as progress the learner had not made
        Element bar = position.selectFirst("progress");
        assertThat(bar.hasAttr("data-completed-bar")).isTrue();
        assertThat(bar.attr("value")).isEqualTo("0");
        assertThat(bar.attr("max")).isEqualTo("36");
    }

    @Test
    void everyPageNamesAnIconThatIsServed() {
        assertThat(page.selectFirst("head link[rel=icon]").attr("href")).isEqualTo("/favicon.svg");
        var icon = new Http(port).get("/favicon.svg");
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/svg+xml");
        assertThat(icon.body()).startsWith("<svg");
    }

    @Test
    void breadcrumbLinksToTheTrackOutline() {
        Elements crumbs = page.select("nav.breadcrumb a");
        assertThat(crumbs.eachAttr("href")).containsExactly("/", "/tracks/fixture");
        assertThat(page.selectFirst("nav.breadcrumb").text()).isEqualTo("Tracks Fixture track PostgreSQL with Python");
    }

    @Test
    void metadataShowsReviewDateVersionModeReadingTimeAndLevel() {
        String meta = page.selectFirst("dl.lesson-meta").text();
        assertThat(meta)
                .contains("Last reviewed 2026-05-28")
                .contains("Version v20260528")
                .contains("Mode SQL sandbox")
                .contains("Level Intermediate")
                .containsPattern("Reading time ~\\d+ min");
    }

    @Test
    void exactlyOneH1AndHeadingsNeverSkipALevel() {
        assertThat(page.select("h1")).hasSize(1);
        assertThat(page.selectFirst("h1").text()).isEqualTo("PostgreSQL with Python");
        int previous = 1;
        for (Element heading : page.select("h1, h2, h3, h4, h5, h6")) {
            int level = Integer.parseInt(heading.tagName().substring(1));
            assertThat(level)
                    .as("heading '%s' after h%d", heading.text(), previous)
                    .isLessThanOrEqualTo(previous + 1);
            previous = level;
        }
    }

    @Test
    void summaryBodyAndCodeBlocks() {
        assertThat(page.getElementById("this-lesson").text())
                .contains("This lesson")
                .contains("Used in practice");
        Element body = page.getElementById("lesson-body");
        assertThat(body.select("pre > code.language-python")).isNotEmpty();
        assertThat(body.select("pre > code.language-sql")).isNotEmpty();
        assertThat(body.text())
                .contains("psycopg")
                .contains("%s")
                .contains("conn.transaction()")
                .contains("SQLAlchemy")
                .contains("read_sql")
                .contains("asyncpg")
                .contains("COPY")
                .contains("execute_values")
                .contains("executemany");
    }

    @Test
    void aBlockMeantForTheLearnersOwnServerIsLabelledAndMarkedForThePageScript() {
        Element body = page.getElementById("lesson-body");
        Elements outside = body.select("pre[data-sql=outside-lab]");
        assertThat(outside).hasSize(1);
        assertThat(outside.first().text()).contains("pg_stat_activity");
        Element label = outside.first().previousElementSibling();
        assertThat(label.className()).isEqualTo("sql-note sql-note-outside-lab");
        assertThat(label.text()).isEqualTo("Run this on your own server, not in the lab");
        assertThat(page.select("[data-lab-editor]").attr("data-initial"))
                .isNotEmpty()
                .doesNotContain("pg_stat_activity");
    }

    @Test
    void practiceNotesPitfallsInterviewAndSelfCheck() {
        assertThat(page.select("#practice .callout-practice")).isNotEmpty();
        assertThat(page.select("#practice .callout-pitfall")).isNotEmpty();
        assertThat(page.select("#interview-questions ol > li")).hasSizeGreaterThanOrEqualTo(3);
        Elements selfCheck = page.select("#self-check li details");
        assertThat(selfCheck).isNotEmpty();
        assertThat(selfCheck.first().selectFirst("summary").text()).isEqualTo("Show answer");
    }

    @Test
    void cardsHideTheirAnswerUntilFlipped() {
        Elements cards = page.select("#cards li.flashcard");
        assertThat(cards).isNotEmpty();
        for (Element card : cards) {
            assertThat(card.attr("data-card-id")).isNotBlank();
            assertThat(card.selectFirst(".card-back").hasAttr("hidden")).isTrue();
            assertThat(card.selectFirst("button.card-flip").attr("aria-expanded"))
                    .isEqualTo("false");
        }
    }

    @Test
    void interviewTipAndConfidenceStartNotSaved() {
        Element confidence = page.getElementById("confidence");
        assertThat(confidence.text()).contains("Can you explain this lesson in 30 seconds without reading notes?");
        assertThat(confidence.select("input[type=radio][name=confidence]")).hasSize(5);
        assertThat(confidence.selectFirst("[data-confidence-status]").text()).isEqualTo("Not saved yet.");
    }

    @Test
    void quizOffersChoicesButNeverRevealsTheAnswer() {
        Elements questions = page.select("#check-yourself form.quiz-question");
        assertThat(questions).isNotEmpty();
        assertThat(questions.first().attr("data-check-url")).startsWith("/api/quiz/fixture/postgresql-with-python/");
        Lesson lesson = lessonFromContent();
        String html = page.outerHtml();
        assertThat(html).doesNotContain("correct: true").doesNotContain("data-correct");
        for (Lesson.QuizQuestion question : lesson.parts().quiz()) {
            for (Lesson.QuizChoice choice : question.choices()) {
                assertThat(html)
                        .as("explanations are only sent after an answer")
                        .doesNotContain(choice.explanationHtml().strip());
            }
        }
    }

    @Test
    void labPlaceholderDiscussionStarterTopicsAndSignUpPrompt() {
        assertThat(page.getElementById("lab").text()).contains("practice");
        Element discussion = page.getElementById("discussion");
        // the page is cached for everyone, so the thread list is loaded into it (discussion.js)
        assertThat(discussion.attr("data-discussion-url"))
                .isEqualTo("/tracks/fixture/postgresql-with-python/discussion");
        assertThat(discussion.select("[data-discussion-list] a").attr("href"))
                .isEqualTo("/tracks/fixture/postgresql-with-python/discussion");
        assertThat(discussion.select(".starter-topics li a[data-starter-topic]").eachAttr("href"))
                .isNotEmpty()
                .allMatch(href ->
                        href.startsWith("/login?continue=%2Ftracks%2Ffixture%2Fpostgresql-with-python%23discussion"));
        assertThat(page.selectFirst(".signup-prompt").select("a").eachAttr("href"))
                .contains("/signup", "/login");
    }

    @Test
    void jumpMenuReachesEverySectionAndEveryLessonOfTheTrack() {
        Element jump = page.getElementById("jump");
        for (String anchor : jump.select("a[href^=#]").eachAttr("href")) {
            assertThat(page.getElementById(anchor.substring(1)))
                    .as("target of " + anchor)
                    .isNotNull();
        }
        assertThat(jump.select("a[href^=#]").eachAttr("href"))
                .contains("#this-lesson", "#check-yourself", "#cards", "#self-check", "#lab", "#discussion");
        assertThat(jump.select(".jump-lessons li")).hasSize(36);
    }

    @Test
    void previousNextAndMarkComplete() {
        Element nav = page.selectFirst("nav.lesson-nav");
        assertThat(nav.selectFirst("a[rel=prev]").attr("href")).isEqualTo("/tracks/fixture/consolidation");
        assertThat(nav.selectFirst("a[rel=next]").attr("href")).isEqualTo("/tracks/fixture/postgis-teaser");
        assertThat(nav.selectFirst("[data-mark-complete]").text()).isEqualTo("Mark lesson complete");
    }

    @Test
    void landmarksAreInPlace() {
        assertThat(page.select("header")).isNotEmpty();
        assertThat(page.select("main")).hasSize(1);
        assertThat(page.select("footer")).isNotEmpty();
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(page.selectFirst("meta[name=viewport]")).isNotNull();
    }

    private static Lesson lessonFromContent() {
        return new ContentLoader()
                .load(ContentFiles.fromDirectory(java.nio.file.Path.of(org.netverks.IntegrationTest.FIXTURE_CONTENT)))
                .track("fixture")
                .orElseThrow()
                .step("postgresql-with-python")
                .orElseThrow()
                .lesson();
    }
}
