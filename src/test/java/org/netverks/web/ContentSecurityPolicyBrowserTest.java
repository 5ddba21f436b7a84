package org.netverks.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.netverks.IntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Content-Security-Policy in Chromium: a lesson page with the lab (CodeMirror through the
 * import map), highlighted code and the discussion loads with no violation at all, while a
 * script injected into the page is refused.
 */
@Tag("browser")
@IntegrationTest
class ContentSecurityPolicyBrowserTest {

    /** Runs before any page script: records every violation the browser reports. */
    private static final String RECORD_VIOLATIONS =
            """
            window.cspViolations = [];
            document.addEventListener('securitypolicyviolation', e =>
                window.cspViolations.push(e.violatedDirective + ' blocked ' + e.blockedURI + ' ' + (e.sample || '')));
            """;

    @LocalServerPort
    int port;

    private Browser browser;
    private ChromeDriver driver;

    @BeforeEach
    void start() {
        browser = Browser.start();
        driver = browser.driver();
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORD_VIOLATIONS));
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aLessonWithTheLabHighlightingAndDiscussionLoadsWithNoViolation() {
        driver.get("http://localhost:" + port + "/tracks/fixture/joins");
        browser.waitUpTo(Duration.ofSeconds(15))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-lab-editor] .cm-content")));
        browser.waitUpTo(Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("pre code.hljs")));
        // the editor works: typing goes through CodeMirror's own styles and DOM updates
        driver.findElement(By.cssSelector("[data-lab-editor] .cm-content")).sendKeys("select 1;");
        driver.executeScript("return new Promise(resolve => setTimeout(resolve, 500))");
        assertThat(violations()).isEmpty();
        browser.screenshot("csp-lesson");
    }

    @Test
    void anInjectedInlineScriptIsRefused() {
        driver.get("http://localhost:" + port + "/tracks/fixture/first-select");
        browser.waitUpTo(Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("main")));
        driver.executeScript(
                """
                const injected = document.createElement('script');
                injected.textContent = 'window.injectedRan = true;';
                document.body.appendChild(injected);
                const attribute = document.createElement('img');
                attribute.setAttribute('onerror', 'window.injectedRan = true;');
                attribute.src = '/no-such-image.png';
                document.body.appendChild(attribute);
                """);
        driver.executeScript("return new Promise(resolve => setTimeout(resolve, 500))");
        assertThat(driver.executeScript("return window.injectedRan === true")).isEqualTo(false);
        assertThat(violations()).anyMatch(violation -> violation.startsWith("script-src"));
    }

    @SuppressWarnings("unchecked")
    private List<String> violations() {
        return (List<String>) driver.executeScript("return window.cspViolations");
    }
}
