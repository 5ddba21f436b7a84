package org.netverks.content;

import java.util.Optional;

/** What the lesson page shows: the lesson and where it sits in its track. */
public record LessonPage(Track track, Track.Step step) {

    public Lesson lesson() {
        return step.lesson();
    }

    public int percentThrough() {
        return step.percentThrough(track.size());
    }

    public Optional<Track.Step> previous() {
        return track.previous(step);
    }

    public Optional<Track.Step> next() {
        return track.next(step);
    }

    public String path(Track.Step other) {
        return track.path(other);
    }

    public String trackPath() {
        return track.path();
    }
}
