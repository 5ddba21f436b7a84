package org.netverks.learner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.netverks.IntegrationTest;
import org.netverks.web.Browser;
import org.netverks.web.Http;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An anonymous learner completes a lesson, rates their confidence and answers the quiz, then signs
 * up and confirms their address with the link: the progress is in the account, and a second, fresh
 * browser that logs in sees the same.
 */
@Tag("browser")
@IntegrationTest
class AccountBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void progressMadeBeforeSigningUpFollowsTheLearnerToAnotherBrowser() {
        String email = Learners.uniqueEmail("roamer");
        String lesson = "http://localhost:" + port + "/tracks/fixture/joins";
        try (Browser first = Browser.start()) {
            ChromeDriver driver = first.driver();
            driver.get(lesson);
            waitFor(first, "[data-mark-complete]").click();
            driver.findElement(By.cssSelector("[data-confidence-form] input[value='4']"))
                    .click();
            driver.findElement(By.cssSelector("[data-confidence-form] button[type=submit]"))
                    .click();
            assertThat(driver.findElement(By.cssSelector("[data-confidence-status]"))
                            .getText())
                    .startsWith("Saved on this device");
            answerQuizCorrectly(first);

            driver.findElement(By.cssSelector(".account-nav a[href^='/signup']"))
                    .click();
            waitFor(first, "#email").sendKeys(email);
            driver.findElement(By.id("displayName")).sendKeys("Roamer");
            driver.findElement(By.id("password")).sendKeys(Learners.PASSWORD);
            Inbox.open();
            driver.findElement(By.cssSelector("form button[type=submit]")).click();
            assertThat(waitFor(first, "#sent-title").getText()).isEqualTo("Check your inbox");
            screenshots(first, "account-signup-sent");

            // the link from the message, opened in the same browser: the confirmation signs in, back to the lesson
            driver.get("http://localhost:" + port + "/confirm/" + Inbox.confirmationToken(email));
            assertThat(waitFor(first, "#confirm-title").getText()).isEqualTo("Confirm your e-mail address");
            screenshots(first, "account-confirm");
            driver.findElement(By.cssSelector("main form button[type=submit]")).click();
            first.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/tracks/fixture/joins"));
            assertProgressShown(first, "Saved to your account");

            driver.get("http://localhost:" + port + "/me");
            assertThat(waitFor(first, "[data-track-completed]").getText()).isEqualTo("1 of 36 completed");
            assertThat(driver.findElement(By.cssSelector(".confidence-table")).getText())
                    .contains("Joins", "4/5");
            first.screenshot("account-dashboard");
            first.width(375);
            driver.navigate().refresh();
            waitFor(first, "[data-track-completed]");
            assertThat(driver.executeScript(
                            "return document.documentElement.scrollWidth > document.documentElement.clientWidth"))
                    .as("the dashboard and the signed-in header fit 375 px")
                    .isEqualTo(false);
            first.screenshot("account-dashboard-375");
        }
        try (Browser second = Browser.start()) {
            ChromeDriver driver = second.driver();
            driver.get("http://localhost:" + port + "/login?continue=%2Ftracks%2Ffixture%2Fjoins");
            waitFor(second, "#email").sendKeys(email);
            driver.findElement(By.id("password")).sendKeys(Learners.PASSWORD);
            driver.findElement(By.cssSelector("form button[type=submit]")).click();
            second.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/tracks/fixture/joins"));
            assertProgressShown(second, "Saved to your account");

            driver.get("http://localhost:" + port + "/tracks/fixture");
            second.waitUpTo(Duration.ofSeconds(10)).until(d -> d.findElement(By.cssSelector("[data-completed-count]"))
                    .getText()
                    .equals("1"));
            assertThat(driver.findElement(By.cssSelector("[data-completed-percent]"))
                            .getText())
                    .isEqualTo("3");
            assertThat(driver.findElement(By.cssSelector("li[data-lesson-id='pg-joins'] [data-step-state]"))
                            .getText())
                    .isEqualTo("Completed · confidence 4/5");
            second.screenshot("account-second-browser-track");
        }
    }

    @Test
    void theWelcomePageShowsWhatTheBrowserDidBeforeSignUpWithoutAReload() {
        String email = Learners.uniqueEmail("welcomed");
        try (Browser browser = Browser.start()) {
            ChromeDriver driver = browser.driver();
            driver.get("http://localhost:" + port + "/tracks/fixture/joins");
            waitFor(browser, "[data-mark-complete]").click();
            driver.get("http://localhost:" + port + "/signup"); // typed in: no page to go back to
            waitFor(browser, "#email").sendKeys(email);
            driver.findElement(By.id("displayName")).sendKeys("Welcomed");
            driver.findElement(By.id("password")).sendKeys(Learners.PASSWORD);
            Inbox.open();
            driver.findElement(By.cssSelector("form button[type=submit]")).click();
            waitFor(browser, "#sent-title");
            driver.get("http://localhost:" + port + "/confirm/" + Inbox.confirmationToken(email));
            waitFor(browser, "main form button[type=submit]").click();
            browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/me?welcome"));
            // drawn before this browser's progress was merged, then drawn again once it was
            browser.waitUpTo(Duration.ofSeconds(10))
                    .until(d -> d.findElements(By.cssSelector("[data-track-completed]")).stream()
                            .anyMatch(e -> e.getText().equals("1 of 36 completed")));
            assertThat(driver.findElement(By.cssSelector("[data-dashboard] .form-ok"))
                            .getText())
                    .startsWith("Welcome, Welcomed!");
        }
    }

    @Test
    void anUnconfirmedLearnerIsToldToConfirmBeforePostingAndCanHaveTheLinkSentAgain() {
        Http http = new Http(port);
        String email = Learners.signUp(http, "Unsure");
        jdbc.sql("update learner_account set email_verified_at = null where email = :email")
                .param("email", email)
                .update();
        try (Browser browser = Browser.start()) {
            ChromeDriver driver = browser.driver();
            driver.get("http://localhost:" + port + "/login");
            waitFor(browser, "#email").sendKeys(email);
            driver.findElement(By.id("password")).sendKeys(Learners.PASSWORD);
            driver.findElement(By.cssSelector("main form button[type=submit]")).click();
            browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/me"));

            driver.get("http://localhost:" + port + "/tracks/fixture/joins/discussion/new");
            waitFor(browser, "#thread-title").sendKeys("Why LEFT JOIN?");
            driver.findElement(By.id("thread-body")).sendKeys("A question.");
            driver.findElement(By.cssSelector("main form button[type=submit]")).click();
            assertThat(waitFor(browser, "#unverified-title").getText()).isEqualTo("Confirm your e-mail address first");
            screenshots(browser, "account-unverified-403");

            driver.findElement(By.cssSelector("form[action='/account/confirmation'] button"))
                    .click();
            browser.waitUpTo(Duration.ofSeconds(10))
                    .until(ExpectedConditions.urlContains("/account?confirmation-sent"));
            assertThat(driver.findElement(By.cssSelector(".form-ok")).getText())
                    .startsWith("A new confirmation link is on its way to " + email);
            assertThat(driver.findElement(By.cssSelector(".account-facts")).getText())
                    .contains("unconfirmed");
            screenshots(browser, "account-unverified-account-page");
        }
    }

    /** At 1280 and 375 px; nothing wider than the narrow screen. */
    private static void screenshots(Browser browser, String name) {
        browser.screenshot(name + "-1280");
        browser.width(375);
        assertThat(browser.driver()
                        .executeScript(
                                "return document.documentElement.scrollWidth > document.documentElement.clientWidth"))
                .as(name + " fits 375 px")
                .isEqualTo(false);
        browser.screenshot(name + "-375");
        browser.width(1280);
    }

    private void answerQuizCorrectly(Browser browser) {
        ChromeDriver driver = browser.driver();
        WebElement question = driver.findElement(By.cssSelector("form.quiz-question"));
        for (WebElement choice : question.findElements(By.cssSelector("input[name=choice]"))) {
            driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", choice);
            choice.click();
            question.findElement(By.cssSelector("button[type=submit]")).click();
            browser.waitUpTo(Duration.ofSeconds(10)).until(d -> !question.findElement(By.cssSelector(".quiz-feedback"))
                    .getText()
                    .isEmpty());
            if (question.getAttribute("class").contains("quiz-right")) {
                return;
            }
            question.findElement(By.cssSelector(".quiz-retry")).click();
        }
        throw new AssertionError("no choice was right");
    }

    private void assertProgressShown(Browser browser, String saved) {
        browser.waitUpTo(Duration.ofSeconds(10)).until(d -> d.findElement(By.cssSelector("[data-confidence-status]"))
                .getText()
                .startsWith(saved));
        ChromeDriver driver = browser.driver();
        assertThat(driver.findElement(By.cssSelector("[data-mark-complete]")).getAttribute("aria-pressed"))
                .isEqualTo("true");
        assertThat(driver.findElement(By.cssSelector("[data-confidence-form] input[value='4']"))
                        .isSelected())
                .isTrue();
        assertThat(driver.findElement(By.cssSelector("form.quiz-question .quiz-feedback"))
                        .getText())
                .startsWith("✓ You answered this correctly");
    }

    private static WebElement waitFor(Browser browser, String css) {
        return browser.waitUpTo(Duration.ofSeconds(15))
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector(css)));
    }
}
