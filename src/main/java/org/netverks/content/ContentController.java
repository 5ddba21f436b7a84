package org.netverks.content;

import jakarta.servlet.http.HttpServletRequest;
import org.netverks.web.NotFoundException;
import org.netverks.web.RenderedPages;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
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
    ResponseEntity<byte[]> home(HttpServletRequest request) {
        return pages.render(
                200, "content/home.jte", new HomePage(catalog.current().tracks()), request);
    }

    @GetMapping("/tracks/{trackSlug}")
    ResponseEntity<byte[]> track(@PathVariable String trackSlug, HttpServletRequest request) {
        return pages.render(200, "content/track.jte", new TrackPage(track(catalog.current(), trackSlug)), request);
    }

    /** Identical for every anonymous learner (their progress is filled in by the browser), so it is cached. */
    @GetMapping("/tracks/{trackSlug}/{lessonSlug}")
    ResponseEntity<byte[]> lesson(
            @PathVariable String trackSlug, @PathVariable String lessonSlug, HttpServletRequest request) {
        Catalog current = catalog.current();
        Track track = track(current, trackSlug);
        Track.Step step = track.step(lessonSlug)
                .orElseThrow(() -> new NotFoundException(
                        "The track “" + track.title() + "” has no lesson called “" + lessonSlug + "”."));
        String template = step.available() ? "content/lesson.jte" : "content/coming-soon.jte";
        return pages.page(current, trackSlug + "/" + lessonSlug, template, () -> new LessonPage(track, step), request);
    }

    private static Track track(Catalog current, String slug) {
        return current.track(slug).orElseThrow(() -> new NotFoundException("There is no track called “" + slug + "”."));
    }
}
