package org.netverks.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.netverks.IntegrationTest;
import org.netverks.web.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Two sessions in the lab, in Chromium: A holds a row lock, B's update waits visibly (its line, its
 * badge, the lock panel), A commits and B's result appears with both badges idle again; at a desktop's
 * and a phone's width, never wider than the screen.
 */
@Tag("browser")
@IntegrationTest
class TwoSessionLabBrowserTest {

    private static final String A = "[data-session-editor='a']";
    private static final String B = "[data-session-editor='b']";

    @LocalServerPort
    int port;

    private Browser browser;
    private ChromeDriver driver;

    @BeforeEach
    void start() {
        browser = Browser.start();
        driver = browser.driver();
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void bWaitsForALockHeldByAAndGoesOnWhenACommits() {
        open("/tracks/fixture/joins");
        driver.findElement(By.cssSelector("[data-lab-two]")).click();
        assertThat(driver.findElement(By.cssSelector(".lab-session[data-session='b']"))
                        .isDisplayed())
                .isTrue();

        LabEditor.type(driver, A, "begin;\nupdate accounts set balance = balance + 1 where id = 1;");
        driver.findElement(By.cssSelector("[data-lab-run]")).click();
        waitForBadge("a", "in transaction");
        assertThat(badge("a").getText()).contains("read committed").contains("transaction open");
        // the panel follows every run; open now, since B's wait below is bounded by the run time limit (4 s here)
        driver.findElement(By.cssSelector("[data-lab-locks] summary")).click();
        waitFor("[data-lab-locks] .lab-locks-table");

        // Ctrl+Enter runs the editor that has the focus: B's
        LabEditor.type(driver, B, "update accounts set balance = balance + 2 where id = 1;");
        runWithKeyboard();
        WebElement waiting = waitFor("[data-lab-output-b] .lab-waiting");
        assertThat(waiting.getText()).contains("Waiting for a lock held by session A");
        assertThat(waiting.findElement(By.cssSelector("button")).getText()).isEqualTo("Cancel");
        waitForBadge("b", "waiting for A");
        WebElement wanted = browser.waitUpTo(Duration.ofSeconds(3))
                .until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("[data-lab-locks] .lab-lock-waiting")));
        assertThat(wanted.getText()).contains("B").contains("ShareLock").contains("waiting");

        LabEditor.type(driver, A, "commit;");
        driver.findElement(By.cssSelector("[data-lab-run]")).click();
        WebElement released = browser.waitUpTo(Duration.ofSeconds(15))
                .until(d -> d.findElements(By.cssSelector("[data-lab-output-b] .lab-command")).stream()
                        .filter(e -> e.getText().contains("UPDATE 1"))
                        .findFirst()
                        .orElse(null));
        assertThat(released.getText()).contains("UPDATE 1");
        assertThat(driver.findElement(By.cssSelector("[data-lab-output-b] .lab-waiting"))
                        .getText())
                .startsWith("Waited");
        waitForBadge("a", "idle");
        waitForBadge("b", "idle");
        browser.waitUpTo(Duration.ofSeconds(5)).until(d -> d.findElement(By.cssSelector("[data-lab-locks]"))
                .getText()
                .contains("No locks held or wanted."));
        browser.screenshot("two-sessions-released");

        LabEditor.type(driver, A, "select balance from accounts where id = 1;");
        driver.findElement(By.cssSelector("[data-lab-run]")).click();
        waitFor("[data-lab-output] .lab-rows table");

        browser.width(375);
        Object overflow = driver.executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth");
        assertThat(overflow).as("two sessions fit a 375 px screen").isEqualTo(false);
        assertThat(driver.findElement(By.cssSelector(".lab-session[data-session='b']"))
                        .getLocation()
                        .getY())
                .as("stacked on a phone")
                .isGreaterThan(driver.findElement(By.cssSelector("[data-lab-output]"))
                        .getLocation()
                        .getY());
        browser.screenshot("two-sessions-375");
    }

    @Test
    void aWaitingStatementCanBeCancelled() {
        open("/tracks/fixture/joins");
        driver.findElement(By.cssSelector("[data-lab-two]")).click();
        LabEditor.type(driver, A, "begin;\nupdate accounts set balance = balance + 1 where id = 2;");
        driver.findElement(By.cssSelector("[data-lab-run]")).click();
        waitForBadge("a", "in transaction");
        LabEditor.type(driver, B, "update accounts set balance = balance + 2 where id = 2;");
        driver.findElement(By.cssSelector("[data-lab-run-b]")).click();
        waitFor("[data-lab-output-b] .lab-waiting button").click();
        WebElement error = waitFor("[data-lab-output-b] .lab-error");
        assertThat(error.getText()).contains("57014");
        waitForBadge("b", "idle");
        LabEditor.type(driver, A, "rollback;");
        driver.findElement(By.cssSelector("[data-lab-run]")).click();
        waitForBadge("a", "idle");
    }

    /**
     * A timeline exercise of the fixture's transactions lesson (which opens with two sessions): its
     * steps in two lanes, a wrong step 2 explained by the step that did not wait, the right one
     * solved, the attempt shown with its step header, the draft kept across a reload, and a step run
     * in its session of the lab.
     */
    @Test
    void aTimelineExerciseIsSolvedInThePage() {
        open("/tracks/fixture/transactions");
        assertThat(driver.findElement(By.cssSelector("[data-lab-two]")).isSelected())
                .as("the lesson opens with two sessions")
                .isTrue();
        driver.findElement(By.cssSelector("[data-slot='lost-update-for-update']"))
                .click();
        WebElement timeline = waitFor("[data-timeline-host] .timeline");
        assertThat(timeline.findElements(By.cssSelector(".timeline-step"))).hasSize(5);
        assertThat(timeline.findElement(By.cssSelector("[data-step='3']")).getText())
                .contains("Session B")
                .contains("Should wait for a lock, then complete.");
        assertThat(driver.findElement(By.cssSelector(A)).isDisplayed())
                .as("the steps take the editors' place")
                .isFalse();
        WebElement step2 = timeline.findElement(By.cssSelector(".timeline-input"));
        assertThat(step2.getAttribute("placeholder")).contains("Read the balance");

        step2.sendKeys("select balance from accounts where id = 3;");
        WebElement exercise = driver.findElement(By.id("exercise-lost-update-for-update"));
        exercise.findElement(By.cssSelector("[data-exercise-check]")).click();
        WebElement feedback = waitFor("#exercise-lost-update-for-update .exercise-feedback-item");
        assertThat(feedback.getText()).contains("Step 3").contains("nothing locked the row");

        step2.clear();
        step2.sendKeys("select balance from accounts where id = 3 for update;");
        exercise.findElement(By.cssSelector("[data-exercise-check]")).click();
        assertThat(waitFor("#exercise-lost-update-for-update .feedback-correct").getText())
                .startsWith("Correct!");
        assertThat(exercise.findElement(By.cssSelector("[data-exercise-state]")).getText())
                .startsWith("Solved");
        assertThat(exercise.findElement(By.cssSelector(".attempt-sql")).getAttribute("textContent"))
                .startsWith("-- step 2 (A)\nselect balance from accounts where id = 3 for update;");
        browser.screenshot("timeline-solved");

        timeline.findElement(By.cssSelector("[data-step='1'] .timeline-run")).click();
        assertThat(waitFor("[data-lab-output] .lab-command").getText()).contains("BEGIN");
        waitForBadge("a", "in transaction");

        driver.navigate().refresh();
        browser.waitUpTo(Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("[data-timeline-host] .timeline-input")));
        assertThat(driver.findElement(By.cssSelector("[data-timeline-host] .timeline-input"))
                        .getAttribute("value"))
                .as("the timeline's draft is kept")
                .isEqualTo("select balance from accounts where id = 3 for update;");
        browser.width(375);
        Object overflow = driver.executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth");
        assertThat(overflow).as("the timeline fits a 375 px screen").isEqualTo(false);
    }

    private void open(String path) {
        driver.get("http://localhost:" + port + path);
        browser.waitUpTo(Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(A + " .cm-content")));
    }

    private WebElement badge(String session) {
        return driver.findElement(By.cssSelector(".lab-session[data-session='" + session + "'] [data-session-badge]"));
    }

    private void waitForBadge(String session, String state) {
        browser.waitUpTo(Duration.ofSeconds(15)).until(d -> badge(session)
                .findElement(By.cssSelector(".lab-badge-state"))
                .getText()
                .equals(state));
    }

    private void runWithKeyboard() {
        new Actions(driver)
                .keyDown(Keys.CONTROL)
                .sendKeys(Keys.ENTER)
                .keyUp(Keys.CONTROL)
                .perform();
    }

    private WebElement waitFor(String css) {
        return browser.waitUpTo(Duration.ofSeconds(15))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }
}
