package org.netverks.content;

import org.netverks.web.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The public reading pages: the list of tracks, a track's outline, and a lesson. */
@Controller
class ContentController {

    private final ContentCatalog catalog;

    ContentController(ContentCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("tracks", catalog.current().tracks());
        return "content/home";
    }

    @GetMapping("/tracks/{trackSlug}")
    String track(@PathVariable String trackSlug, Model model) {
        model.addAttribute("track", track(trackSlug));
        return "content/track";
    }

    @GetMapping("/tracks/{trackSlug}/{lessonSlug}")
    String lesson(@PathVariable String trackSlug, @PathVariable String lessonSlug, Model model) {
        Track track = track(trackSlug);
        Track.Step step = track.step(lessonSlug).orElseThrow(() -> new NotFoundException(
                "The track “" + track.title() + "” has no lesson called “" + lessonSlug + "”."));
        model.addAttribute("page", new LessonPage(track, step));
        return step.available() ? "content/lesson" : "content/coming-soon";
    }

    private Track track(String slug) {
        return catalog.current().track(slug)
                .orElseThrow(() -> new NotFoundException("There is no track called “" + slug + "”."));
    }
}
