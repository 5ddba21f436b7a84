package org.netverks.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.netverks.IntegrationTest;
import org.netverks.web.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * schema-diagram.js on its own, in Chromium, drawn from the learner's real schema listing into a
 * host the test sizes: a side pane's single column, then a wide workspace. (How the lab page wires
 * it in is the lab's browser test's business.)
 */
@Tag("browser")
@IntegrationTest
class SchemaDiagramBrowserTest {

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
    void tablesReferencedFirstWithACurvePerForeignKeyAndButtonsThatCallBack() {
        Object tables = driver.executeAsyncScript(
                """
                const done = arguments[arguments.length - 1];
                (async () => {
                  const { renderSchemaDiagram } = await import('/js/schema-diagram.js');
                  const response = await fetch('/api/lab/fixture/joins/schema', { headers: { Accept: 'application/json' } });
                  const tables = await response.json();
                  const host = document.createElement('div');
                  host.id = 'diagram-host';
                  host.style.width = '300px';
                  document.querySelector('main').prepend(host);
                  window.diagramCalls = [];
                  renderSchemaDiagram(host, tables, {
                    onInsert: (name) => diagramCalls.push('insert ' + name),
                    onDescribe: (name) => diagramCalls.push('describe ' + name),
                  });
                  done(tables.length);
                })().catch((e) => done(String(e)));""");
        assertThat(tables).isInstanceOf(Long.class);
        assertThat(driver.findElements(By.cssSelector("#diagram-host .schema-box")))
                .hasSize(((Long) tables).intValue());
        String keys = driver.findElement(By.cssSelector("#diagram-host .schema-key-list"))
                .getAttribute("textContent");
        assertThat(keys).contains("orders.customer_id → customers.id").contains("order_items.product_id → products.id");
        long curves = keys.chars().filter(c -> c == '→').count();
        awaitCurves(curves);

        assertThat(boxes("left").values().stream().distinct())
                .as("one column in a 300 px pane")
                .hasSize(1);
        assertThat(boxes("top").get("customers")).isLessThan(boxes("top").get("orders"));
        assertThat(boxes("top").get("orders")).isLessThan(boxes("top").get("order_items"));

        driver.findElement(By.cssSelector("#diagram-host [aria-label='Insert orders into the editor']"))
                .click();
        driver.findElement(By.cssSelector("#diagram-host [aria-label='Describe orders (\\\\d orders)']"))
                .click();
        assertThat(driver.executeScript("return diagramCalls")).isEqualTo(List.of("insert orders", "describe orders"));
        browser.screenshot("schema-diagram-300");

        driver.executeScript("document.getElementById('diagram-host').style.width = '1000px'");
        browser.waitUpTo(Duration.ofSeconds(5))
                .until(d -> boxes("left").values().stream().distinct().count() == 3);
        assertThat(boxes("left").get("customers"))
                .as("a referenced table left of the tables referencing it")
                .isLessThan(boxes("left").get("orders"));
        assertThat(boxes("left").get("orders")).isLessThan(boxes("left").get("order_items"));
        awaitCurves(curves);
        browser.screenshot("schema-diagram-1000");
    }

    /** Each box's edge ("left" or "top") relative to the host, by table name. */
    @SuppressWarnings("unchecked")
    private Map<String, Long> boxes(String edge) {
        return (Map<String, Long>) driver.executeScript(
                """
                const host = document.getElementById('diagram-host').getBoundingClientRect();
                return Object.fromEntries([...document.querySelectorAll('#diagram-host .schema-box')].map((box) =>
                  [box.dataset.table, Math.round(box.getBoundingClientRect()[arguments[0]] - host[arguments[0]])]));""",
                edge);
    }

    private void awaitCurves(long count) {
        browser.waitUpTo(Duration.ofSeconds(5))
                .until(d -> d.findElements(By.cssSelector("#diagram-host path.schema-line"))
                                .size()
                        == count);
    }
}
