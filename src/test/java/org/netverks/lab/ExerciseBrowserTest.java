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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A learner works through an exercise in Chromium: a wrong answer, its feedback, a hint, the solve, a reload. */
@Tag("browser")
@IntegrationTest
class ExerciseBrowserTest {

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
    void failReadTheFeedbackTakeAHintSolveAndSeeItSolvedAfterAReload() {
        open();
        WebElement exercise = driver.findElement(By.id("exercise-contact-label"));
        assertThat(exercise.isDisplayed())
                .as("the free lab's tab is selected first")
                .isFalse();
        driver.findElement(By.cssSelector("[data-slot='contact-label']")).click();
        assertThat(exercise.getText()).contains("Row order does not matter.", "Column names must match");

        LabEditor.type(driver, "select id, full_name || '<' || email || '>' as contact\nfrom customers;");
        exercise.findElement(By.cssSelector("[data-exercise-check]")).click();
        WebElement feedback = waitIn(exercise, ".exercise-feedback-item");
        assertThat(feedback.getText()).contains("right except for the values in column “contact”");
        assertThat(feedback.findElements(By.cssSelector("tbody tr"))).hasSizeBetween(1, 3);
        assertThat(exercise.findElement(By.cssSelector("[data-exercise-state]")).getText())
                .isEqualTo("Not solved yet");
        browser.screenshot("exercise-feedback");

        exercise.findElement(By.cssSelector("[data-exercise-hint]")).click();
        WebElement hint = waitIn(exercise, ".exercise-hint");
        assertThat(hint.getText()).startsWith("Hint 1 of 2");
        assertThat(exercise.findElement(By.cssSelector("[data-exercise-hint]")).getText())
                .contains("1 left");

        LabEditor.type(driver, "select id, full_name || ' <' || email || '>' as contact\nfrom customers;");
        exercise.findElement(By.cssSelector("[data-exercise-check]")).click();
        WebElement correct = waitIn(exercise, ".feedback-correct");
        assertThat(correct.getText()).startsWith("Correct!");
        assertThat(exercise.findElement(By.cssSelector("[data-exercise-state]")).getText())
                .startsWith("Solved");
        assertThat(exercise.findElement(By.cssSelector(".exercise-solution summary"))
                        .getText())
                .isEqualTo("Compare with a reference solution");
        exercise.findElement(By.cssSelector(".exercise-solution summary")).click();
        assertThat(exercise.findElement(By.cssSelector(".exercise-explanation")).getText())
                .contains("The common mistake is to forget the space");
        assertThat(exercise.findElement(By.cssSelector(".exercise-solution")).getText())
                .contains("Other correct solutions", "concat(full_name, ' <', email, '>')");
        browser.screenshot("exercise-solved");

        driver.navigate().refresh();
        open();
        WebElement again = driver.findElement(By.id("exercise-contact-label"));
        assertThat(again.getAttribute("class")).contains("exercise-solved");
        assertThat(again.findElement(By.cssSelector("[data-exercise-state]")).getAttribute("textContent"))
                .startsWith("Solved");
        assertThat(driver.findElement(By.cssSelector("[data-exercises-summary]"))
                        .getText())
                .startsWith("1 of ");
        browser.waitUpTo(Duration.ofSeconds(10))
                .until(d -> again.findElements(By.cssSelector(".exercise-hint")).size() == 1);

        assertThat(again.isDisplayed())
                .as("the tab selected last is selected again")
                .isTrue();
        assertThat(driver.findElement(By.cssSelector("[data-slot='contact-label']"))
                        .getText())
                .as("its tab is marked solved")
                .startsWith("2✓");
        browser.width(375);
        Object overflow = driver.executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth");
        assertThat(overflow).as("the exercises fit a 375 px screen").isEqualTo(false);
        driver.executeScript("arguments[0].scrollIntoView()", again);
        browser.screenshot("exercise-375");

        driver.get("http://localhost:" + port + "/tracks/fixture");
        WebElement step = driver.findElement(By.cssSelector("li[data-lesson-id='pg-first-select']"));
        browser.waitUpTo(Duration.ofSeconds(5)).until(d -> step.findElement(By.cssSelector("[data-step-exercises]"))
                .getText()
                .matches("1 of \\d+ exercises solved"));
    }

    @Test
    void solvingTheLastExerciseOffersToMarkTheLessonComplete() {
        open();
        // three of the four already solved in this browser: the fourth completes the set
        driver.executeScript(
                """
                const solved = { solvedAt: new Date().toISOString() };
                localStorage.setItem('netverks.progress', JSON.stringify({ version: 1, updatedAt: new Date().toISOString(),
                    lessons: { 'pg-first-select': { exercises: {
                        'price-with-tax': solved, 'customer-currencies': solved, 'newest-customers-first': solved } } } }));""");
        open();
        WebElement offer = driver.findElement(By.cssSelector("[data-complete-offer]"));
        assertThat(offer.isDisplayed()).isFalse();
        WebElement exercise = driver.findElement(By.id("exercise-contact-label"));
        driver.findElement(By.cssSelector("[data-slot='contact-label']")).click();
        LabEditor.type(driver, "select id, full_name || ' <' || email || '>' as contact\nfrom customers;");
        exercise.findElement(By.cssSelector("[data-exercise-check]")).click();
        waitIn(exercise, ".feedback-correct");
        WebElement shown = waitIn(exercise, "[data-complete-offer]");
        assertThat(shown.getText())
                .as("beside the answer that completed the set, and honest about the open quiz")
                .contains("You solved every exercise")
                .contains("still open in “Check yourself”");
        browser.screenshot("exercise-complete-offer");

        shown.findElement(By.cssSelector("[data-complete-offer-button]")).click();
        assertThat(shown.isDisplayed()).isFalse();
        WebElement complete = driver.findElement(By.cssSelector("[data-mark-complete]"));
        assertThat(complete.getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(driver.findElement(By.cssSelector("[data-completed-count]")).getText())
                .isEqualTo("1");
    }

    private void open() {
        driver.get("http://localhost:" + port + "/tracks/fixture/first-select");
        browser.waitUpTo(Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-lab-editor] .cm-content")));
    }

    private WebElement waitIn(WebElement scope, String css) {
        return browser.waitUpTo(Duration.ofSeconds(20)).until(d -> scope.findElements(By.cssSelector(css)).stream()
                .filter(WebElement::isDisplayed)
                .findFirst()
                .orElse(null));
    }
}
