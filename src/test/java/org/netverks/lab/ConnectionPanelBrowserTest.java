package org.netverks.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.netverks.IntegrationTest;
import org.netverks.web.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/** "Connect your own client" in Chromium: where the details work, and new ones after a reset. */
@Tag("browser")
@IntegrationTest
class ConnectionPanelBrowserTest {

    @LocalServerPort
    int port;

    private Browser browser;

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void thePanelSaysWhereTheDetailsWorkAndShowsNewOnesAfterAReset() throws IOException {
        browser = Browser.start();
        ChromeDriver driver = browser.driver();
        driver.get("http://localhost:" + port + "/tracks/fixture/joins");
        WebElement panel = browser.waitUpTo(Duration.ofSeconds(15))
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-lab-connect] summary")));
        panel.click();
        String user = userShown();
        assertThat(user).startsWith("lr_");
        assertThat(driver.findElement(By.cssSelector(".lab-connect-note")).getText())
                .contains("accepts connections from the server it runs on only");
        assertThat(driver.findElements(By.cssSelector(".lab-connect-notice"))).isEmpty();
        screenshot("lab-connection");

        driver.findElement(By.cssSelector("[data-lab-reset]")).click();
        driver.switchTo().alert().accept();
        // the panel is rebuilt while we look: a stale element just means "look again"
        browser.waitUpTo(Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> !userShown().equals(user));

        assertThat(userShown()).startsWith("lr_");
        assertThat(driver.findElement(By.cssSelector(".lab-connect-notice")).getText())
                .contains("new user and password")
                .contains("the old ones no longer work");
        screenshot("lab-connection-after-reset");
    }

    private String userShown() {
        WebElement list = browser.waitUpTo(Duration.ofSeconds(15))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".connection-list")));
        return list.findElements(By.tagName("dd")).get(3).getText();
    }

    /** The panel alone, at the window's 1280 px, to look at. */
    private void screenshot(String name) throws IOException {
        Path directory = Files.createDirectories(Path.of("target", "screenshots"));
        WebElement panel = browser.driver().findElement(By.cssSelector("[data-lab-connect]"));
        browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'})", panel);
        Files.write(directory.resolve(name + ".png"), panel.getScreenshotAs(OutputType.BYTES));
    }
}
