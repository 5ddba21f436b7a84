package org.netverks.discussion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.netverks.IntegrationTest;
import org.netverks.web.Browser;
import org.netverks.web.Http;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The discussion in headless Chromium: another learner's hostile post stays inert, an anonymous
 * reader's Reply goes through log-in and back to the thread, and a starter topic is one click.
 */
@Tag("browser")
@IntegrationTest
class DiscussionBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void hostileMarkupInAPostIsInertForAnotherLearner() {
        String lesson = "/tracks/fixture/first-select";
        Http attacker = Discussers.learner(port, "Mallory");
        String payload =
                """
                Hello <script>window.__pwned = 'script'; alert('script')</script>
                <img src="x" onerror="window.__pwned = 'img'; alert('img')">
                <svg onload="window.__pwned = 'svg'"></svg> <b onmouseover="window.__pwned = 'hover'">hover me</b>
                <iframe src="javascript:alert('frame')"></iframe>

                [a markdown link](javascript:window.__pwned='md';alert('md')) and
                <a href="javascript:window.__pwned='raw'">a raw link</a> and [a real one](https://example.org/)
                """;
        String title = "<img src=x onerror=\"window.__pwned='title';alert('title')\"> titles too";
        String thread = Discussers.startThread(attacker, lesson, title, payload);
        long comment = Discussers.post(attacker, thread, null, payload);

        try (Browser browser = Browser.start()) {
            ChromeDriver driver = browser.driver();
            logIn(browser, Discussers.learner(port, "Victim"), "/");
            driver.get(url(thread));
            waitFor(browser, "#post-" + comment);
            assertInert(driver);
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(title);
            for (WebElement body : driver.findElements(By.cssSelector("[data-post-body]"))) {
                assertThat(body.getText()).contains("Hello", "hover me", "a markdown link", "a raw link");
                assertThat(body.findElements(By.cssSelector("script, img, svg, iframe, b")))
                        .isEmpty();
                assertThat(body.findElements(By.tagName("a")).stream()
                                .map(a -> a.getAttribute("href"))
                                .toList())
                        .containsExactly("https://example.org/");
                new org.openqa.selenium.interactions.Actions(driver)
                        .moveToElement(body)
                        .perform();
            }
            assertInert(driver);
            browser.screenshot("discussion-hostile-post-1280");

            // the lesson page inserts the thread list with innerHTML: the title must stay text there too
            driver.get(url(lesson) + "#discussion");
            browser.waitUpTo(Duration.ofSeconds(10))
                    .until(d ->
                            d.findElement(By.cssSelector("[data-discussion]")).getAttribute("data-discussion-loaded")
                                    != null);
            assertThat(driver.findElement(By.cssSelector("[data-discussion-list]"))
                            .getText())
                    .contains("titles too");
            assertInert(driver);
        }
    }

    @Test
    void anAnonymousReplyGoesThroughLogInAndBackToTheThread() {
        Http asker = Discussers.learner(port, "Asker");
        String thread = Discussers.startThread(
                asker, "/tracks/fixture/filtering-with-where", "NULL in WHERE?", "Why does `WHERE x <> 1` skip NULLs?");
        long comment = Discussers.post(asker, thread, null, "Because NULL <> 1 is NULL, not true.");
        String email = "replier-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        org.netverks.learner.Inbox.signUpAndConfirm(new Http(port), email, "Replier", Discussers.PASSWORD);

        try (Browser browser = Browser.start()) {
            ChromeDriver driver = browser.driver();
            driver.get(url(thread));
            browser.screenshot("discussion-thread-anonymous-1280");
            browser.width(375);
            browser.screenshot("discussion-thread-anonymous-375");
            browser.width(1280);
            waitFor(browser, "a[data-reply-to='" + comment + "']").click();
            waitFor(browser, "#email").sendKeys(email);
            driver.findElement(By.id("password")).sendKeys(Discussers.PASSWORD);
            driver.findElement(By.cssSelector("form button[type=submit]")).click();

            browser.waitUpTo(Duration.ofSeconds(10))
                    .until(ExpectedConditions.urlContains(thread + "?reply=" + comment));
            WebElement reply = waitFor(browser, "#reply-" + comment);
            browser.waitUpTo(Duration.ofSeconds(5))
                    .withMessage(() -> "the reply box should have the focus")
                    .until(d -> d.switchTo().activeElement().equals(reply));
            reply.sendKeys("And `IS DISTINCT FROM` treats NULL as a value.");
            driver.findElement(By.cssSelector("details[data-reply-to='" + comment + "'] button[type=submit]"))
                    .click();

            browser.waitUpTo(Duration.ofSeconds(10))
                    .until(d -> !d.findElements(By.cssSelector("#post-" + comment + " + .replies article"))
                            .isEmpty());
            WebElement posted = driver.findElement(By.cssSelector("#post-" + comment + " + .replies article"));
            assertThat(posted.getText()).contains("Replier", "treats NULL as a value");
            assertThat(posted.findElement(By.tagName("code")).getText()).isEqualTo("IS DISTINCT FROM");
            browser.screenshot("discussion-thread-replied-1280");
            browser.width(375);
            browser.screenshot("discussion-thread-replied-375");
        }
    }

    @Test
    void aStarterTopicBecomesAThreadInOneClick() {
        jdbc.sql("delete from discussion_thread where lesson_id = 'pg-joins'").update();
        String topic = "When does a RIGHT JOIN read better than a LEFT JOIN?";
        try (Browser browser = Browser.start()) {
            ChromeDriver driver = browser.driver();
            driver.get(url("/tracks/fixture/joins"));
            browser.waitUpTo(Duration.ofSeconds(10))
                    .until(d ->
                            d.findElement(By.cssSelector("[data-discussion]")).getAttribute("data-discussion-loaded")
                                    != null);
            assertThat(driver.findElement(By.cssSelector("[data-discussion-empty]"))
                            .getText())
                    .contains("Be the first to ask a question");
            sectionShot(driver, "discussion-lesson-empty-1280");

            logIn(browser, Discussers.learner(port, "Starter"), "/tracks/fixture/joins");
            List<WebElement> starters = driver.findElements(By.cssSelector("button[data-starter-topic]"));
            WebElement starter = starters.stream()
                    .filter(b -> b.getText().equals(topic))
                    .findFirst()
                    .orElseThrow();
            driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", starter);
            starter.click();

            browser.waitUpTo(Duration.ofSeconds(10))
                    .until(ExpectedConditions.urlMatches(".*/tracks/fixture/joins/discussion/\\d+$"));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(topic);
            assertThat(driver.findElement(By.cssSelector("#comment-body")).isDisplayed())
                    .isTrue();

            driver.get(url("/tracks/fixture/joins"));
            browser.waitUpTo(Duration.ofSeconds(10))
                    .until(d ->
                            d.findElement(By.cssSelector("[data-discussion]")).getAttribute("data-discussion-loaded")
                                    != null);
            assertThat(driver.findElements(By.cssSelector("[data-discussion-list] .thread-title")).stream()
                            .map(WebElement::getText)
                            .toList())
                    .containsExactly(topic);
            sectionShot(driver, "discussion-lesson-list-1280");
            browser.width(375);
            sectionShot(driver, "discussion-lesson-list-375");
        }
    }

    /** Logs the browser in through the log-in form as the learner {@code account} was signed up as. */
    private void logIn(Browser browser, Http account, String continueTo) {
        // the test learner's e-mail is on their /account page
        String email =
                account.page("/account").select("meta[name=netverks-account]").attr("content");
        ChromeDriver driver = browser.driver();
        driver.get(url(
                "/login?continue=" + java.net.URLEncoder.encode(continueTo, java.nio.charset.StandardCharsets.UTF_8)));
        waitFor(browser, "#email").sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(Discussers.PASSWORD);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        browser.waitUpTo(Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/login"));
    }

    private static void assertInert(ChromeDriver driver) {
        assertThatThrownBy(() -> driver.switchTo().alert())
                .as("no dialog fired")
                .isInstanceOf(NoAlertPresentException.class);
        assertThat(driver.executeScript("return window.__pwned === undefined ? null : String(window.__pwned)"))
                .as("no learner script ran")
                .isNull();
    }

    /** The lesson page's discussion section alone (the whole lesson page is too long to look at). */
    private static void sectionShot(ChromeDriver driver, String name) {
        WebElement section = driver.findElement(By.cssSelector("#discussion"));
        driver.executeScript("arguments[0].scrollIntoView()", section);
        try {
            java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "screenshots"));
            java.nio.file.Files.write(
                    java.nio.file.Path.of("target", "screenshots", name + ".png"),
                    section.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static WebElement waitFor(Browser browser, String css) {
        return browser.waitUpTo(Duration.ofSeconds(15))
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
    }
}
