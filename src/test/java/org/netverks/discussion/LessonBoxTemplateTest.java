package org.netverks.discussion;

import static org.assertj.core.api.Assertions.assertThat;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The lesson page's discussion box, rendered alone through the precompiled template (as jte's own tests
 * render a template and look at the HTML): starter topics post with the CSRF token when signed in, send
 * an anonymous visitor to log in and back to the box, and stay text whatever they contain.
 */
class LessonBoxTemplateTest {

    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);
    private static final LessonRef LESSON =
            new LessonRef("sample", "one", "sample-one", "Lesson one", List.of("Why <b>joins</b>?", "Indexes"));

    @Test
    void aSignedInLearnerStartsATopicWithAFormCarryingTheToken() {
        Document box = render(LESSON, true, "to\"ken");

        Element section = box.selectFirst("section#discussion");
        assertThat(section.attr("data-discussion-url")).isEqualTo("/tracks/sample/one/discussion");
        List<Element> forms = box.select("form.inline-form");
        assertThat(forms).hasSize(2);
        Element first = forms.get(0);
        assertThat(first.attr("method")).isEqualTo("post");
        assertThat(first.attr("action")).isEqualTo("/tracks/sample/one/discussion/starter");
        assertThat(first.selectFirst("input[name=_csrf]").attr("value")).isEqualTo("to\"ken");
        assertThat(first.selectFirst("input[name=topic]").attr("value")).isEqualTo("Why <b>joins</b>?");
        assertThat(first.selectFirst("button[data-starter-topic]").text()).isEqualTo("Why <b>joins</b>?");
        assertThat(box.select("b")).isEmpty();
    }

    @Test
    void anAnonymousVisitorIsSentToLogInAndBackToTheBox() {
        Document box = render(LESSON, false, null);

        assertThat(box.select("form")).isEmpty();
        List<Element> links = box.select("a[data-starter-topic]");
        assertThat(links).extracting(Element::text).containsExactly("Why <b>joins</b>?", "Indexes");
        assertThat(links.get(0).attr("href")).isEqualTo("/login?continue=%2Ftracks%2Fsample%2Fone%23discussion");
        assertThat(box.selectFirst("[data-discussion-list] a").attr("href")).isEqualTo("/tracks/sample/one/discussion");
    }

    @Test
    void aLessonWithoutStarterTopicsHasNoTopicList() {
        Document box = render(new LessonRef("sample", "two", "sample-two", "Lesson two", List.of()), false, null);

        assertThat(box.select("section#discussion")).hasSize(1);
        assertThat(box.select(".starter-topics-box")).isEmpty();
    }

    private static Document render(LessonRef lesson, boolean signedIn, String csrf) {
        Map<String, Object> params = new HashMap<>();
        params.put("lesson", lesson);
        params.put("signedIn", signedIn);
        params.put("csrf", csrf);
        StringOutput output = new StringOutput();
        TEMPLATES.render("discussion/lesson-box.jte", params, output);
        return Jsoup.parseBodyFragment(output.toString());
    }
}
