package org.netverks.learner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.netverks.IntegrationTest;
import org.netverks.web.Browser;
import org.netverks.web.Http;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/** /me draws the learner's progress: a dot per rated lesson with its verdict, the days practised, the steps. */
@IntegrationTest
class DashboardTest {

    @LocalServerPort
    int port;

    /**
     * Four rated lessons, one of each verdict, practised today, yesterday, three and ten days ago:
     * first-select rated 5 with 1 of 9 shown (over), filtering 1 with 5 of 10 (under), joins 2 with
     * 4 of 9 (fits), indexes 3 with nothing tried (untested).
     */
    private static void practise(Http http) {
        Instant now = Instant.now();
        String today = now.toString();
        String yesterday = now.minus(Duration.ofDays(1)).toString();
        String threeDaysAgo = now.minus(Duration.ofDays(3)).toString();
        String tenDaysAgo = now.minus(Duration.ofDays(10)).toString();
        String lessons =
                """
                {"pg-first-select": {"openedAt": "%4$s", "confidence": {"value": 5, "savedAt": "%4$s"},
                   "exercises": {"price-with-tax": {"solvedAt": "%4$s"}}},
                 "pg-filtering-with-where": {"openedAt": "%3$s", "completedAt": "%3$s",
                   "confidence": {"value": 1, "savedAt": "%3$s"},
                   "exercises": {"big-eur-or-usd-accounts": {"solvedAt": "%3$s"}, "august-orders": {"solvedAt": "%3$s"},
                     "customers-without-phone": {"solvedAt": "%3$s"}, "desk-products": {"solvedAt": "%3$s"},
                     "mid-size-2024-accounts": {"solvedAt": "%3$s"}}},
                 "pg-joins": {"openedAt": "%2$s", "confidence": {"value": 2, "savedAt": "%2$s"},
                   "quiz": {"left-join-count": {"choice": "c", "correct": true, "answeredAt": "%2$s"}},
                   "exercises": {"accounts-per-customer": {"solvedAt": "%2$s"}, "customers-without-orders": {"solvedAt": "%2$s"},
                     "large-transfers-named": {"solvedAt": "%2$s"}}},
                 "pg-indexes": {"openedAt": "%1$s", "confidence": {"value": 3, "savedAt": "%1$s"}}}"""
                        .formatted(today, yesterday, threeDaysAgo, tenDaysAgo);
        assertThat(http.postJson("/api/progress/merge", "{\"lessons\": " + lessons + "}")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void theChartTheCalendarAndTheStepsFollowTheProgress() {
        Http http = new Http(port);
        Learners.signUp(http, "charted");
        practise(http);

        Document me = Jsoup.parse(http.get("/me").body());

        assertThat(me.select("[data-confidence-chart] [data-dot-verdict]"))
                .as("one dot per rated lesson, in track order")
                .extracting(dot -> dot.attr("data-dot-verdict"))
                .containsExactly(
                        "over", // 5 beside 1 of 9
                        "under", // 1 beside 5 of 10
                        "fits", // 2 beside 4 of 9
                        "untested"); // 3 with nothing tried
        assertThat(me.select("[data-confidence-chart] .chart-dot").eachAttr("class"))
                .containsExactly(
                        "chart-dot verdict-over",
                        "chart-dot verdict-under",
                        "chart-dot verdict-fits",
                        "chart-dot verdict-untested");
        assertThat(me.selectFirst("[data-confidence-chart] .chart-dot title").text())
                .isEqualTo("1. Your first SELECT: confidence 5/5, measured 11% (over-confident)");
        assertThat(me.selectFirst("[data-confidence-chart]").attr("role")).isEqualTo("img");
        assertThat(me.selectFirst("[data-confidence-chart]").attr("aria-label"))
                .contains("4 lessons", "1 agree", "1 over-confident", "1 under-confident", "1 not tested yet");
        assertThat(me.select(".confidence-table tbody tr").eachAttr("data-verdict"))
                .as("the table below says the same")
                .containsExactly("over", "under", "fits", "untested");
        assertThat(me.select(".confidence-table tbody tr").last().text()).contains("not tested", "Not tested yet.");

        assertThat(me.select("[data-practise-calendar] rect[data-day]").eachAttr("data-actions"))
                .filteredOn(actions -> !actions.equals("0"))
                .as("active days: today, yesterday, three and ten days ago")
                .hasSize(4);
        String todayCell = "[data-practise-calendar] rect[data-day=" + LocalDate.now(ZoneOffset.UTC) + "]";
        assertThat(me.selectFirst(todayCell).attr("data-actions"))
                .as("opened and rated")
                .isEqualTo("2");
        assertThat(me.selectFirst("[data-practise-summary]").text())
                .isEqualTo("4 days practised in the last 6 months, longest streak 2 days.");

        assertThat(me.select("[data-track-slug=fixture] [data-step-strip] [data-step]")
                        .eachAttr("data-step"))
                .as("a square per step")
                .hasSize(36)
                .containsOnly("completed", "started", "not-started", "not-written")
                .startsWith("not-written", "started", "completed");
    }

    @Test
    @Tag("browser")
    void thePicturesFitAPhoneAndReadInDarkMode() {
        Http http = new Http(port);
        String email = Learners.signUp(http, "pictured");
        practise(http);
        try (Browser browser = Browser.start()) {
            ChromeDriver driver = browser.driver();
            driver.get("http://localhost:" + port + "/login?continue=%2Fme");
            browser.waitUpTo(Duration.ofSeconds(15))
                    .until(ExpectedConditions.elementToBeClickable(By.id("email")))
                    .sendKeys(email);
            driver.findElement(By.id("password")).sendKeys(Learners.PASSWORD);
            driver.findElement(By.cssSelector("form button[type=submit]")).click();
            browser.waitUpTo(Duration.ofSeconds(15))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-confidence-chart]")));
            for (boolean dark : new boolean[] {false, true}) {
                browser.darkMode(dark);
                String suffix = dark ? "-dark" : "";
                browser.width(1280);
                browser.screenshot("dashboard-pictures-1280" + suffix);
                browser.width(375);
                assertThat(driver.executeScript(
                                "return document.documentElement.scrollWidth > document.documentElement.clientWidth"))
                        .as("the dashboard fits 375 px")
                        .isEqualTo(false);
                browser.screenshot("dashboard-pictures-375" + suffix);
            }
        }
    }
}
