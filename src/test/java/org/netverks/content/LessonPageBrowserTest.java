package org.netverks.content;

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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An anonymous learner works through step 33 in Chromium; everything is kept after a reload. */
@Tag("browser")
@IntegrationTest
class LessonPageBrowserTest {

    private static final String LESSON = "/tracks/fixture/postgresql-with-python";

    @LocalServerPort
    int port;

    @Autowired
    ContentCatalog catalog;

    private Browser browser;

    @BeforeEach
    void start() {
        browser = Browser.start();
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void quizConfidenceAndCompletionAreKeptAcrossAReload() {
        var driver = browser.driver();
        driver.get(url(LESSON));
        driver.executeScript("localStorage.clear()");
        driver.navigate().refresh();

        Lesson.QuizQuestion question = catalog.current()
                .track("fixture")
                .orElseThrow()
                .step("postgresql-with-python")
                .orElseThrow()
                .lesson()
                .parts()
                .quiz()
                .get(0);
        String right = question.choices().stream()
                .filter(Lesson.QuizChoice::correct)
                .findFirst()
                .orElseThrow()
                .id();
        String wrong = question.choices().stream()
                .filter(c -> !c.correct())
                .findFirst()
                .orElseThrow()
                .id();
        WebElement form = driver.findElement(By.cssSelector("form[data-question-id='" + question.id() + "']"));

        choose(form, wrong);
        WebElement feedback = form.findElement(By.cssSelector(".quiz-feedback"));
        browser.waitUpTo(Duration.ofSeconds(10)).until(d -> feedback.getText().contains("Not quite."));
        assertThat(feedback.getText().length())
                .as("an explanation follows the verdict")
                .isGreaterThan(20);
        assertThat(feedback.getText()).contains("Your answer").contains("The right answer:");
        assertThat(form.findElement(By.cssSelector("label.quiz-choice-right input"))
                        .getAttribute("value"))
                .as("the right choice is marked beside the learner's own")
                .isEqualTo(right);
        assertThat(form.findElement(By.cssSelector("label.quiz-choice-wrong input"))
                        .getAttribute("value"))
                .isEqualTo(wrong);
        WebElement retry = form.findElement(By.cssSelector(".quiz-retry"));
        assertThat(retry.isDisplayed()).isTrue();
        retry.click();
        choose(form, right);
        browser.waitUpTo(Duration.ofSeconds(10)).until(d -> feedback.getText().contains("Correct."));

        WebElement status = driver.findElement(By.cssSelector("[data-confidence-status]"));
        assertThat(status.getText()).isEqualTo("Not saved yet.");
        driver.findElement(By.cssSelector("input[name=confidence][value='4']")).click();
        driver.findElement(By.cssSelector("[data-confidence-form] button[type=submit]"))
                .click();
        assertThat(status.getText()).startsWith("Saved on this device");

        WebElement complete = driver.findElement(By.cssSelector("[data-mark-complete]"));
        complete.click();
        assertThat(complete.getAttribute("aria-pressed")).isEqualTo("true");

        WebElement card = driver.findElement(By.cssSelector("li.flashcard"));
        card.findElement(By.cssSelector(".card-flip")).click();
        assertThat(card.findElement(By.cssSelector(".card-back")).isDisplayed()).isTrue();
        card.findElement(By.cssSelector("[data-rating=good]")).click();

        driver.navigate().refresh();

        assertThat(driver.findElement(By.cssSelector("[data-confidence-status]"))
                        .getText())
                .startsWith("Saved on this device")
                .contains("4/5");
        assertThat(driver.findElement(By.cssSelector("input[name=confidence][value='4']"))
                        .isSelected())
                .isTrue();
        assertThat(driver.findElement(By.cssSelector("[data-mark-complete]")).getAttribute("aria-pressed"))
                .isEqualTo("true");
        assertThat(driver.findElement(By.cssSelector(".own-progress")).getText())
                .isEqualTo("1 of 36 completed");
        assertThat(driver.findElement(By.cssSelector("form[data-question-id='" + question.id() + "'] .quiz-feedback"))
                        .getText())
                .contains("answered this correctly");
        assertThat(driver.findElement(By.cssSelector("li.flashcard .card-status"))
                        .getAttribute("textContent"))
                .isEqualTo("Rated “good”");

        driver.get(url("/tracks/fixture"));
        assertThat(driver.findElement(By.cssSelector(".track-progress")).getText())
                .contains("1 of 36 completed")
                .contains("3%");
        WebElement step33 = driver.findElement(By.cssSelector("li[data-lesson-id='pg-postgresql-with-python']"));
        assertThat(step33.findElement(By.cssSelector("[data-step-state]")).getText())
                .isEqualTo("Completed · confidence 4/5");
    }

    @Test
    void codeIsHighlightedWithCopyButtonsAndTheSkipLinkComesFirst() {
        var driver = browser.driver();
        driver.get(url(LESSON));
        browser.waitUpTo(Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("pre code .hljs-keyword")));
        assertThat(driver.findElements(By.cssSelector(".code-block .copy-button")))
                .isNotEmpty();

        driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement focused = driver.switchTo().activeElement();
        assertThat(focused.getText()).isEqualTo("Skip to content");

        WebElement jump = driver.findElement(By.cssSelector("#jump > summary"));
        jump.click();
        assertThat(driver.findElement(By.cssSelector("#jump a[href='#check-yourself']"))
                        .isDisplayed())
                .isTrue();
    }

    @Test
    void screenshotsAtDesktopPhoneAndDarkMode() {
        var driver = browser.driver();
        driver.get(url(LESSON));
        browser.waitUpTo(Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".copy-button")));
        assertThat(browser.screenshot("lesson-1280")).exists();

        browser.width(375);
        driver.navigate().refresh();
        Object overflow = driver.executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth");
        Object wide = driver.executeScript(
                """
                const w = document.documentElement.clientWidth;
                return [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > w + 1 && !e.closest('pre'))
                    .slice(0, 8).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))
                    .join(', ');""");
        assertThat(overflow)
                .as("no horizontal scrolling at 375 px; too wide: " + wide)
                .isEqualTo(false);
        Object covered = driver.executeScript(
                """
                return [...document.querySelectorAll('.code-block')].filter(block => {
                    const tools = block.querySelector('.code-tools').getBoundingClientRect();
                    return tools.bottom > block.querySelector('pre').getBoundingClientRect().top + 1;
                }).length;""");
        assertThat(covered)
                .as("at 375 px the Copy and Try in lab buttons sit above the code, not over its first line")
                .isEqualTo(0L);
        assertThat(browser.screenshot("lesson-375")).exists();

        browser.darkMode(true);
        String background = (String) driver.executeScript("return getComputedStyle(document.body).backgroundColor");
        assertThat(background).isEqualTo("rgb(18, 21, 28)");
        assertThat(browser.screenshot("lesson-375-dark")).exists();

        browser.width(1280);
        driver.get(url("/tracks/fixture"));
        assertThat(browser.screenshot("track-1280-dark")).exists();
    }

    private static void choose(WebElement form, String choiceId) {
        form.findElement(By.cssSelector("input[value='" + choiceId + "']")).click();
        form.findElement(By.cssSelector("button[type=submit]")).click();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
