package org.netverks.lab;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/** Typing into the lab's CodeMirror editor as a learner would. */
final class LabEditor {

    private LabEditor() {}

    /** Replaces the editor's text with {@code sql}. */
    static void type(ChromeDriver driver, String sql) {
        type(driver, "[data-lab-editor]", sql);
    }

    /** Replaces the text of the editor inside {@code host} (a CSS selector) with {@code sql}. */
    static void type(ChromeDriver driver, String host, String sql) {
        WebElement editor = driver.findElement(By.cssSelector(host + " .cm-content"));
        editor.click();
        new Actions(driver)
                .keyDown(Keys.CONTROL)
                .sendKeys("a")
                .keyUp(Keys.CONTROL)
                .sendKeys(Keys.DELETE)
                .perform();
        // CodeMirror auto-indents new lines; type line by line from the line start to keep the text as written
        String[] lines = sql.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                new Actions(driver)
                        .sendKeys(Keys.ESCAPE) // a completion list open at the line's end would take the Enter
                        .sendKeys(Keys.ENTER)
                        .keyDown(Keys.SHIFT)
                        .sendKeys(Keys.HOME)
                        .keyUp(Keys.SHIFT)
                        .sendKeys(Keys.DELETE)
                        .perform();
            }
            editor.sendKeys(lines[i]);
        }
    }
}
