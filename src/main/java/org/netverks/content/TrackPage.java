package org.netverks.content;

/** What a track's outline page shows: the track, and the first step that can be taken now. */
public record TrackPage(Track track) {

    /** The first step with a lesson, or null when every step is still coming. */
    public Track.Step firstAvailable() {
        return track.steps().stream().filter(Track.Step::available).findFirst().orElse(null);
    }
}
