package org.netverks.content;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything loaded from one content folder: immutable, swapped whole on reload. */
public record Catalog(String origin, List<Track> tracks, Map<String, Dataset> datasets) {

    public Catalog {
        tracks = List.copyOf(tracks);
        datasets = Map.copyOf(datasets);
    }

    public Optional<Dataset> dataset(String name) {
        return Optional.ofNullable(datasets.get(name));
    }

    /** The step and lesson at /tracks/{trackSlug}/{lessonSlug}, when that lesson is written. */
    public Optional<Track.Step> lesson(String trackSlug, String lessonSlug) {
        return track(trackSlug).flatMap(track -> track.step(lessonSlug)).filter(Track.Step::available);
    }

    public Optional<Track> track(String slug) {
        return tracks.stream().filter(track -> track.slug().equals(slug)).findFirst();
    }

    public int lessonCount() {
        return tracks.stream().mapToInt(track -> (int) track.availableCount()).sum();
    }
}
