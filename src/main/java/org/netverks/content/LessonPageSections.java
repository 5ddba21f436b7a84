package org.netverks.content;

import java.util.List;

/** Ids of the sections the lesson page itself adds; lesson headings never take these anchors. */
final class LessonPageSections {

    static final List<String> IDS = List.of(
            "content",
            "this-lesson",
            "lesson-body",
            "practice",
            "pitfalls",
            "interview-questions",
            "self-check",
            "cards",
            "confidence",
            "check-yourself",
            "lab",
            "discussion",
            "track-steps",
            "jump");

    private LessonPageSections() {}
}
