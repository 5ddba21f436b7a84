package org.netverks.lab;

import org.netverks.content.Catalog;
import org.netverks.content.Dataset;
import org.netverks.content.Lesson;
import org.netverks.content.LessonMode;
import org.netverks.content.Track;
import org.netverks.web.NotFoundException;

/** The lesson a lab request is about, when it exists and has a lab; a 404 that says which otherwise. */
final class LabLessons {

    private LabLessons() {}

    static Lesson withLab(Catalog catalog, String trackSlug, String lessonSlug) {
        Lesson lesson = catalog.lesson(trackSlug, lessonSlug)
                .map(Track.Step::lesson)
                .orElseThrow(() -> new NotFoundException("There is no lesson " + trackSlug + "/" + lessonSlug + "."));
        if (lesson.mode() != LessonMode.SQL_SANDBOX || lesson.dataset() == null) {
            throw new NotFoundException("The lesson “" + lesson.title() + "” has no SQL lab.");
        }
        return lesson;
    }

    /** The dataset of a lesson with a lab: what its sandbox is a copy of. */
    static Dataset datasetOf(Catalog catalog, String trackSlug, String lessonSlug) {
        return catalog.dataset(withLab(catalog, trackSlug, lessonSlug).dataset())
                .orElseThrow();
    }
}
