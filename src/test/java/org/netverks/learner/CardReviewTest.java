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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Cards rated in lessons come back on /me/cards when they are due, and leave it once rated again. */
@IntegrationTest
class CardReviewTest {

    @LocalServerPort
    int port;

    private static void rate(Http http, String card, String rating, Instant at) {
        assertThat(http.postJson(
                                "/api/progress/merge",
                                "{\"lessons\": {\"pg-joins\": {\"cards\": {\"" + card + "\": {\"rating\": \"" + rating
                                        + "\", \"ratedAt\": \"" + at + "\"}}}}}")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void dueCardsAreListedWithTheirTextAndARatingMovesThemOn() {
        Http http = new Http(port);
        Learners.signUp(http, "cards");
        Instant lastWeek = Instant.now().minus(Duration.ofDays(7));
        rate(http, "left-join", "good", lastWeek); // due the next day: overdue now
        rate(http, "inner-join", "easy", Instant.now()); // due in 4 days
        Document cards = Jsoup.parse(http.get("/me/cards").body());
        assertThat(cards.select("[data-review-card]"))
                .extracting(card -> card.attr("data-card-id"))
                .containsExactly("left-join");
        assertThat(cards.selectFirst("[data-review-card] .card-front").text()).isNotBlank();
        assertThat(Jsoup.parse(http.get("/me").body())
                        .selectFirst("[data-cards-due]")
                        .text())
                .startsWith("1 card due today");

        rate(http, "left-join", "good", Instant.now());
        assertThat(Jsoup.parse(http.get("/me/cards").body()).select("[data-review-card]"))
                .isEmpty();
        assertThat(http.get("/me/cards").body()).contains("Nothing is due");

        assertThat(Jsoup.parse(http.get("/me/cards?view=ahead").body()).select("[data-review-card]"))
                .as("practise ahead: the scheduled cards not due yet, soonest first")
                .extracting(card -> card.attr("data-card-id"))
                .containsExactly("inner-join", "left-join");
        Document all = Jsoup.parse(http.get("/me/cards?view=all").body());
        assertThat(all.select("[data-review-card]").size())
                .as("every card of every written lesson")
                .isGreaterThan(2);
        assertThat(all.select("[data-review-card][data-card-id=left-join] .card-lesson")
                        .text())
                .contains("due " + LocalDate.now(ZoneOffset.UTC).plusDays(6));
        assertThat(all.select("[data-review-card] .card-lesson").eachText())
                .anyMatch(text -> text.contains("not rated yet"));
        assertThat(all.select("nav.card-views a[aria-current=page]").text()).isEqualTo("All cards");
        assertThat(http.get("/me/cards?view=later").statusCode()).isEqualTo(404);
    }

    @Test
    void eachRatingButtonCanSayHowLongItPutsTheCardAway() {
        Http http = new Http(port); // anonymous learners rate cards too
        assertThat(http.getJson("/api/cards/intervals").body())
                .isEqualTo("{\"again\":0,\"hard\":1,\"good\":1,\"easy\":4}");
        assertThat(http.getJson("/api/cards/intervals?after=good").body())
                .isEqualTo("{\"again\":0,\"hard\":2,\"good\":6,\"easy\":8}");
        assertThat(http.getJson("/api/cards/intervals?after=good,good").body())
                .as("the third good answer: 6 days times the starting ease of 2.5")
                .contains("\"good\":15");
        var wrong = http.getJson("/api/cards/intervals?after=good,maybe");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("'maybe' is not");
        var tooMany = http.getJson("/api/cards/intervals?after=" + "good,".repeat(500) + "good");
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body()).contains("at most 500 ratings");
    }

    @Test
    @Tag("browser")
    void reviewingADueCardInTheBrowserSchedulesItsNextReview() {
        String email = Learners.uniqueEmail("reviewer");
        Http http = new Http(port);
        Inbox.signUpAndConfirm(http, email, "Reviewer", Learners.PASSWORD);
        rate(http, "anti-join", "again", Instant.now().minus(Duration.ofDays(2)));
        try (Browser browser = Browser.start()) {
            ChromeDriver driver = browser.driver();
            driver.get("http://localhost:" + port + "/login?continue=%2Fme%2Fcards");
            browser.waitUpTo(Duration.ofSeconds(15))
                    .until(ExpectedConditions.elementToBeClickable(By.id("email")))
                    .sendKeys(email);
            driver.findElement(By.id("password")).sendKeys(Learners.PASSWORD);
            driver.findElement(By.cssSelector("form button[type=submit]")).click();
            WebElement card = browser.waitUpTo(Duration.ofSeconds(15))
                    .until(ExpectedConditions.visibilityOfElementLocated(
                            By.cssSelector("[data-review-card][data-card-id='anti-join']")));
            card.findElement(By.cssSelector(".card-flip")).click();
            WebElement good = card.findElement(By.cssSelector("[data-rating='good']"));
            browser.waitUpTo(Duration.ofSeconds(10)).until(d -> good.getText().equals("Good · 1 day"));
            assertThat(card.findElement(By.cssSelector("[data-rating='again']")).getText())
                    .isEqualTo("Again · today");
            good.click();
            String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
            browser.waitUpTo(Duration.ofSeconds(10)).until(d -> card.findElement(By.cssSelector(".card-status"))
                    .getText()
                    .equals("Saved. Next review on " + tomorrow + "."));
            assertThat(driver.findElement(By.cssSelector("[data-cards-left]")).getText())
                    .isEqualTo("All done for today.");
            browser.screenshot("cards-review");
        }
        assertThat(Jsoup.parse(http.get("/me/cards").body()).select("[data-review-card]"))
                .isEmpty();
    }
}
