package org.netverks.content;

import java.util.Map;
import org.netverks.web.NotFoundException;
import org.netverks.web.RenderedPages;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The public reading pages: the list of tracks, a track's outline, and a lesson. */
@Controller
class ContentController {

    private final ContentCatalog catalog;
    private final RenderedPages pages;

    ContentController(ContentCatalog catalog, RenderedPages pages) {
        this.catalog = catalog;
        this.pages = pages;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("tracks", catalog.current().tracks());
        return "content/home";
    }

    @GetMapping("/tracks/{trackSlug}")
    String track(@PathVariable String trackSlug, Model model) {
        model.addAttribute("track", track(catalog.current(), trackSlug));
        return "content/track";
    }

    /** Identical for every anonymous learner (their progress is filled in by the browser), so it is cached. */
    @GetMapping("/tracks/{trackSlug}/{lessonSlug}")
    ResponseEntity<byte[]> lesson(
            @PathVariable String trackSlug,
            @PathVariable String lessonSlug,
            jakarta.servlet.http.HttpServletRequest request) {
        Catalog current = catalog.current();
        Track track = track(current, trackSlug);
        Track.Step step = track.step(lessonSlug)
                .orElseThrow(() -> new NotFoundException(
                        "The track “" + track.title() + "” has no lesson called “" + lessonSlug + "”."));
        String template = step.available() ? "content/lesson.jte" : "content/coming-soon.jte";
        return pages.page(
                current,
                trackSlug + "/" + lessonSlug,
                template,
                () -> Map.of("page", new LessonPage(track, step)),
                org.netverks.web.Viewers.of(request));
    }

    private static Track track(Catalog current, String slug) {
        return current.track(slug).orElseThrow(() -> new NotFoundException("There is no track called “" + slug + "”."));
    }
}
