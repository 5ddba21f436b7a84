package org.netverks.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netverks.IntegrationTest;
import org.netverks.web.WebSliceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The home page and a track's outline, rendered by {@link ContentController} and the real
 * templates from the fixture track, with the catalog (which would mirror the content into the
 * database) replaced by the loaded fixture. A web slice: no database.
 */
@WebSliceTest(ContentController.class)
class ContentPagesSliceTest {

    private static final Catalog FIXTURE =
            new ContentLoader().load(ContentFiles.fromDirectory(Path.of(IntegrationTest.FIXTURE_CONTENT)));

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ContentCatalog catalog;

    @BeforeEach
    void fixtureTrack() {
        when(catalog.current()).thenReturn(FIXTURE);
    }

    @Test
    void homeListsTheTracks() throws Exception {
        Document home = page("/");
        assertThat(home.select(".track-list a").eachAttr("href")).contains("/tracks/fixture");
    }

    @Test
    void trackPageListsAll36StepsInOrderWithStateAndNextStep() throws Exception {
        Document track = page("/tracks/fixture");
        assertThat(track.select("#track-steps > li")).hasSize(36);
        assertThat(track.select("#track-steps > li").get(32).text()).contains("PostgreSQL with Python");
        assertThat(track.select("#track-steps li.step-soon").first().text()).contains("Coming soon");
        assertThat(track.select("#track-steps li.step-available [data-step-state]")
                        .first()
                        .text())
                .isEqualTo("Not started");
        assertThat(track.selectFirst(".track-progress").text()).contains("0 of 36 completed");
        assertThat(track.selectFirst("[data-next-step]").attr("href")).startsWith("/tracks/fixture/");
    }

    @Test
    void aComingSoonStepSaysSo() throws Exception {
        Document soon = page("/tracks/fixture/postgis-teaser");
        assertThat(soon.selectFirst("h1").text()).isEqualTo("A PostGIS teaser");
        assertThat(soon.text()).contains("coming soon");
    }

    @Test
    void unknownTracksAndLessonsGetA404PageWithoutStackTrace() throws Exception {
        for (String path : new String[] {"/tracks/nope", "/tracks/fixture/nope", "/no/such/page"}) {
            MockHttpServletResponse response =
                    mvc.perform(get(path).accept("text/html")).andReturn().getResponse();
            assertThat(response.getStatus()).as(path).isEqualTo(404);
            assertThat(response.getContentAsString())
                    .as(path)
                    .contains("Page not found")
                    .contains("Learn Netverks")
                    .doesNotContain("Exception")
                    .doesNotContain("at org.");
        }
    }

    private Document page(String path) throws Exception {
        MockHttpServletResponse response =
                mvc.perform(get(path).accept("text/html")).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString());
    }
}
