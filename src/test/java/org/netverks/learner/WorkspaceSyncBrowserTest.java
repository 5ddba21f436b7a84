package org.netverks.learner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.netverks.IntegrationTest;
import org.netverks.web.Browser;
import org.netverks.web.Http;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A signed-in learner's lab drafts and attempts follow them to another device: a draft typed on one
 * browser and an answer checked there are in a second, fresh browser once it logs in; logging out
 * leaves nothing of them in the browser.
 */
@Tag("browser")
@IntegrationTest
class WorkspaceSyncBrowserTest {

    private static final String DRAFT = "select id, full_name from customers -- half done";

    @LocalServerPort
    int port;

    @Test
    void draftsAndAttemptsFollowASignedInLearnerToAnotherBrowser() {
        String email = Learners.signUp(new Http(port), "Commuter");
        try (Browser laptop = Browser.start()) {
            logIn(laptop, email);
            openLab(laptop);
            ChromeDriver driver = laptop.driver();
            tab(driver, "price-with-tax").click();
            driver.findElement(By.cssSelector("[data-lab-editor] .cm-content")).sendKeys("select 1 as wrong");
            driver.findElement(By.cssSelector("[data-lab-check]")).click();
            WebElement exercise = driver.findElement(By.id("exercise-price-with-tax"));
            laptop.waitUpTo(Duration.ofSeconds(20))
                    .until(d -> !exercise.findElements(By.cssSelector("[data-attempt-list] > li"))
                            .isEmpty());

            tab(driver, "contact-label").click();
            driver.findElement(By.cssSelector("[data-lab-editor] .cm-content")).sendKeys(DRAFT);
            // the draft reaches the account a moment after the last keystroke
            laptop.waitUpTo(Duration.ofSeconds(10)).until(d -> DRAFT.equals(accountDraft(driver, "contact-label")));
        }
        try (Browser phone = Browser.start()) {
            phone.width(375);
            logIn(phone, email);
            openLab(phone);
            ChromeDriver driver = phone.driver();
            tab(driver, "contact-label").click();
            phone.waitUpTo(Duration.ofSeconds(10))
                    .until(d -> d.findElement(By.cssSelector("[data-lab-editor] .cm-content"))
                            .getText()
                            .equals(DRAFT));
            tab(driver, "price-with-tax").click();
            List<WebElement> attempts = phone.waitUpTo(Duration.ofSeconds(10)).until(d -> {
                List<WebElement> items =
                        d.findElements(By.cssSelector("#exercise-price-with-tax [data-attempt-list] > li"));
                return items.isEmpty() ? null : items;
            });
            assertThat(attempts).hasSize(1);
            driver.findElement(By.cssSelector("#exercise-price-with-tax [data-exercise-attempts] summary"))
                    .click();
            assertThat(attempts.get(0).getText()).contains("✗ Not yet", "select 1 as wrong");
            driver.executeScript("document.getElementById('lab').scrollIntoView()");
            phone.screenshot("workspace-synced-375");

            driver.findElement(By.cssSelector("[data-logout] button")).click();
            phone.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/signed-out"));
            assertThat(driver.executeScript("return localStorage.getItem('netverks.workspace')"))
                    .as("the next person on this browser sees none of it")
                    .isNull();
        }
    }

    private void logIn(Browser browser, String email) {
        ChromeDriver driver = browser.driver();
        driver.get("http://localhost:" + port + "/login");
        browser.waitUpTo(Duration.ofSeconds(15))
                .until(ExpectedConditions.elementToBeClickable(By.id("email")))
                .sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(Learners.PASSWORD);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        browser.waitUpTo(Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/me"));
    }

    private void openLab(Browser browser) {
        browser.driver().get("http://localhost:" + port + "/tracks/fixture/first-select");
        browser.waitUpTo(Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-lab-editor] .cm-content")));
    }

    private static WebElement tab(ChromeDriver driver, String slot) {
        return driver.findElement(By.cssSelector("[data-workspace-tabs] [data-slot='" + slot + "']"));
    }

    /** The draft the account holds for a tab, read as the page reads it. */
    private static String accountDraft(ChromeDriver driver, String slot) {
        return (String) driver.executeAsyncScript(
                """
                const [slot, done] = arguments;
                fetch('/api/me/workspace/pg-first-select', { headers: { Accept: 'application/json' } })
                    .then((r) => r.json()).then((body) => done(body.drafts && body.drafts[slot] ? body.drafts[slot].sql : null))
                    .catch(() => done(null));""",
                slot);
    }
}
