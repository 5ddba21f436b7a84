package org.netverks.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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
 * The lab as a workspace, in Chromium at a desktop's and a phone's width: a draft per tab kept across
 * a reload, checks listed as attempts that load back, the tables' diagram following the learner's own
 * CREATE TABLE, completion of their columns, and "Try in lab" landing in the free lab's editor.
 */
@Tag("browser")
@IntegrationTest
class WorkspaceBrowserTest {

    private static final String WRONG = "select id, full_name || '<' || email || '>' as contact from customers;";
    private static final String RIGHT = "select id, full_name || ' <' || email || '>' as contact from customers;";

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

    @ParameterizedTest
    @ValueSource(ints = {1280, 375})
    void everyTabKeepsItsOwnDraftAcrossAReload(int width) {
        browser.width(width);
        open();
        String starter = editorText();
        assertThat(starter)
                .as("the free lab starts with the lesson's starter SQL")
                .isNotBlank();

        tab("contact-label").click();
        assertThat(editorText()).as("a new exercise starts empty").isEmpty();
        LabEditor.type(driver, "select 'contact draft'");
        tab("price-with-tax").click();
        assertThat(editorText()).isEmpty();
        LabEditor.type(driver, "select 'price draft'");
        tab("free").click();
        assertThat(editorText()).isEqualTo(starter);
        tab("contact-label").click();
        assertThat(editorText()).isEqualTo("select 'contact draft'");
        assertThat(driver.findElement(By.id("exercise-contact-label")).isDisplayed())
                .as("the task sits with its draft")
                .isTrue();

        driver.navigate().refresh();
        open();
        assertThat(tab("contact-label").getAttribute("aria-selected"))
                .as("the tab selected last")
                .isEqualTo("true");
        assertThat(editorText()).isEqualTo("select 'contact draft'");
        tab("price-with-tax").click();
        assertThat(editorText()).isEqualTo("select 'price draft'");

        assertThat(driver.executeScript(
                        "return document.documentElement.scrollWidth > document.documentElement.clientWidth"))
                .as("the workspace fits %d px", width)
                .isEqualTo(false);
        if (width < 600) {
            List<WebElement> targets = driver.findElements(By.cssSelector(
                    "[data-workspace-tabs] [data-slot], .lab-actions [data-lab-run], [data-exercise-check]"));
            assertThat(targets).filteredOn(WebElement::isDisplayed).isNotEmpty().allSatisfy(target -> assertThat(
                            target.getSize().getHeight())
                    .as("a thumb's tap target")
                    .isGreaterThanOrEqualTo(44));
        }
        driver.executeScript("document.getElementById('lab').scrollIntoView()");
        browser.screenshot("workspace-" + width);
    }

    @Test
    void checksAreListedAsAttemptsNewestFirstAndAnEarlierOneLoadsBack() {
        open();
        tab("contact-label").click();
        WebElement exercise = driver.findElement(By.id("exercise-contact-label"));
        LabEditor.type(driver, WRONG);
        exercise.findElement(By.cssSelector("[data-exercise-check]")).click();
        waitIn(exercise, ".exercise-feedback-item");
        LabEditor.type(driver, RIGHT);
        driver.findElement(By.cssSelector("[data-lab-check]")).click(); // the editor's own Check button
        waitIn(exercise, ".feedback-correct");

        List<WebElement> attempts = waitForAttempts(exercise, 2);
        exercise.findElement(By.cssSelector("[data-exercise-attempts] summary")).click();
        assertThat(attempts.get(0).getText()).contains("✓ Solved", RIGHT);
        assertThat(attempts.get(1).getText()).contains("✗ Not yet", "contact", WRONG);
        attempts.get(1).findElement(By.cssSelector(".attempt-load")).click();
        assertThat(editorText()).isEqualTo(WRONG);

        driver.navigate().refresh();
        open();
        WebElement again = driver.findElement(By.id("exercise-contact-label"));
        assertThat(waitForAttempts(again, 2))
                .as("kept in this browser for a learner who is not signed in")
                .hasSize(2);
        assertThat(editorText()).as("the loaded attempt became the draft").isEqualTo(WRONG);
        driver.executeScript(
                "arguments[0].open = true; arguments[0].scrollIntoView()",
                again.findElement(By.cssSelector("[data-exercise-attempts]")));
        browser.screenshot("workspace-attempts");
    }

    @Test
    void theDiagramFollowsANewTableAndTheEditorCompletesItsColumns() {
        open();
        LabEditor.type(
                driver,
                "create table pets (pet_id int primary key, owner_id int references customers (id), pet_name text);");
        driver.findElement(By.cssSelector("[data-lab-run]")).click();
        WebElement schema = driver.findElement(By.cssSelector("[data-lab-schema]"));
        browser.waitUpTo(Duration.ofSeconds(15)).until(d -> schema.getText().contains("pets"));
        assertThat(schema.getText()).contains("customers", "pet_name");
        assertThat(schema.findElements(By.cssSelector("svg path")))
                .as("foreign keys are drawn, the new one too")
                .hasSizeGreaterThanOrEqualTo(2);
        assertThat(schema.getAttribute("textContent")).contains("pets.owner_id → customers.id");

        LabEditor.type(driver, "select pet_");
        WebElement completion = browser.waitUpTo(Duration.ofSeconds(5))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".cm-tooltip-autocomplete")));
        assertThat(completion.getText()).contains("pet_name");
        new Actions(driver).sendKeys(Keys.ESCAPE).perform();

        WebElement describe = schema.findElement(By.cssSelector("button[aria-label='Describe pets (\\\\d pets)']"));
        describe.click();
        browser.waitUpTo(Duration.ofSeconds(15)).until(d -> d.findElement(By.cssSelector("[data-lab-output]"))
                .getText()
                .contains("Table \"public.pets\""));
        assertThat(editorText()).as("describing a table leaves the draft alone").isEqualTo("select pet_");
        driver.executeScript("document.getElementById('lab').scrollIntoView()");
        browser.screenshot("workspace-diagram");
    }

    @Test
    void tryInLabSwitchesToTheFreeLabPutsTheCodeThereAndFocusesTheEditor() {
        open();
        tab("contact-label").click();
        LabEditor.type(driver, "select 'my answer'");
        WebElement tryIt = driver.findElement(By.cssSelector(".try-button"));
        String code = tryIt.findElement(By.xpath("ancestor::div[contains(@class,'code-block')]//code"))
                .getText();
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", tryIt);
        tryIt.click();
        browser.waitUpTo(Duration.ofSeconds(10))
                .until(
                        d -> (Boolean)
                                driver.executeScript(
                                        """
                        const editor = document.querySelector('[data-lab-editor] .cm-editor').getBoundingClientRect();
                        return editor.top >= 0 && editor.bottom <= window.innerHeight
                            && document.activeElement.closest('[data-lab-editor]') !== null;"""));
        assertThat(tab("free").getAttribute("aria-selected")).isEqualTo("true");
        assertThat(editorText().replaceAll("\\s+", " ").strip())
                .isEqualTo(code.replaceAll("\\s+", " ").strip());
        tab("contact-label").click();
        assertThat(editorText()).as("the exercise's draft is untouched").isEqualTo("select 'my answer'");
    }

    private void open() {
        driver.get("http://localhost:" + port + "/tracks/fixture/first-select");
        browser.waitUpTo(Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-lab-editor] .cm-content")));
    }

    private WebElement tab(String slot) {
        return driver.findElement(By.cssSelector("[data-workspace-tabs] [data-slot='" + slot + "']"));
    }

    /** The editor's text, line by line (an empty editor shows only its placeholder, which is not text). */
    private String editorText() {
        return (String)
                driver.executeScript(
                        """
                const content = document.querySelector('[data-lab-editor] .cm-content');
                if (content.querySelector('.cm-placeholder')) return '';
                return [...content.querySelectorAll('.cm-line')].map((line) => line.textContent).join('\\n');""");
    }

    private List<WebElement> waitForAttempts(WebElement exercise, int count) {
        return browser.waitUpTo(Duration.ofSeconds(15)).until(d -> {
            List<WebElement> items = exercise.findElements(By.cssSelector("[data-attempt-list] > li"));
            return items.size() == count ? items : null;
        });
    }

    private WebElement waitIn(WebElement scope, String css) {
        return browser.waitUpTo(Duration.ofSeconds(20)).until(d -> scope.findElements(By.cssSelector(css)).stream()
                .filter(WebElement::isDisplayed)
                .findFirst()
                .orElse(null));
    }
}
