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
 * A learner uses the lab in Chromium: keyboard run, an error marked in the editor, psql settings that
 * last, \d, a plan tree, reset.
 */
@Tag("browser")
@IntegrationTest
class LabBrowserTest {

    @LocalServerPort
    int port;

    private Browser browser;
    private ChromeDriver driver;

    @BeforeEach
    void start() {
        browser = Browser.start();
        driver = browser.driver();
        driver.get("http://localhost:" + port + "/tracks/fixture/joins");
        browser.waitUpTo(Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-lab-editor] .cm-content")));
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void runWithTheKeyboardSeeRowsAndAnErrorMarkedInTheEditor() {
        type("select id, email\nfrom customers\norder by id limit 3;");
        runWithKeyboard();
        WebElement table = waitFor(".lab-rows table");
        assertThat(table.findElements(By.cssSelector("tbody tr"))).hasSize(3);
        assertThat(table.findElement(By.cssSelector("th")).getText())
                .contains("id")
                .contains("integer");
        assertThat(driver.findElement(By.cssSelector(".lab-rowcount")).getText())
                .isEqualTo("(3 rows)");

        type("select id,\n       nme\nfrom customers;");
        runWithKeyboard();
        WebElement error = waitFor(".lab-error");
        assertThat(error.getText()).contains("column \"nme\" does not exist").contains("line 2, column 8");
        WebElement mark = waitFor(".cm-error-mark");
        assertThat(mark.getText()).isEqualTo("nme");
        browser.screenshot("lab-error");
    }

    /**
     * After the first run the page's runs take the lean path (a lab pass instead of the session);
     * the psql settings they change still last, across a reload too.
     */
    @Test
    void psqlSettingsLastFromRunToRunAndAcrossAReload() {
        type("select 1;");
        runWithKeyboard();
        waitFor(".lab-rows table");
        type("\\x");
        runWithKeyboard();
        assertThat(waitFor(".lab-meta").getText()).contains("Expanded display is on.");
        type("select 1 as a;");
        runWithKeyboard();
        assertThat(waitFor(".lab-text").getText()).contains("-[ RECORD 1 ]").contains("a | 1");

        driver.navigate().refresh();
        browser.waitUpTo(Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-lab-editor] .cm-content")));
        type("select 2 as b;");
        runWithKeyboard();
        assertThat(waitFor(".lab-text").getText()).contains("-[ RECORD 1 ]").contains("b | 2");
    }

    @Test
    void psqlDescribeAndAnExplainAnalyzeTree() {
        type("\\d customers");
        runWithKeyboard();
        WebElement meta = waitFor(".lab-meta");
        assertThat(meta.getText()).contains("Table \"public.customers\"").contains("Indexes:");

        type(
                "explain analyze select c.full_name, count(*) from customers c join accounts a on a.customer_id = c.id group by c.full_name;");
        runWithKeyboard();
        WebElement tree = waitFor(".plan-tree");
        assertThat(tree.findElements(By.cssSelector(".plan-node"))).hasSizeGreaterThan(1);
        assertThat(tree.findElements(By.cssSelector(".plan-hot"))).hasSize(1);
        assertThat(tree.getText()).contains("rows: estimated").contains("actual");
        browser.screenshot("lab-plan");

        browser.width(375);
        browser.darkMode(true);
        Object overflow = driver.executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth");
        assertThat(overflow).as("the lab fits a 375 px screen").isEqualTo(false);
        browser.screenshot("lab-plan-375-dark");
    }

    @Test
    void resetRestoresTheDatasetAndTheSchemaPanelFollows() {
        type("drop table transfers;");
        runWithKeyboard();
        waitFor(".lab-command");
        browser.waitUpTo(Duration.ofSeconds(10)).until(d -> !d.findElement(By.cssSelector("[data-lab-schema]"))
                .getText()
                .contains("transfers"));

        driver.findElement(By.cssSelector("[data-lab-reset]")).click();
        driver.switchTo().alert().accept();
        browser.waitUpTo(Duration.ofSeconds(15)).until(d -> d.findElement(By.cssSelector("[data-lab-status]"))
                .getText()
                .contains("original data"));
        browser.waitUpTo(Duration.ofSeconds(10)).until(d -> d.findElement(By.cssSelector("[data-lab-schema]"))
                .getText()
                .contains("transfers"));
    }

    private void type(String sql) {
        LabEditor.type(driver, sql);
    }

    private void runWithKeyboard() {
        driver.executeScript("document.querySelector('[data-lab-output]').innerHTML = ''");
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
