package org.netverks.content;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Everything loaded from one content folder: immutable, swapped whole on reload. */
public record Catalog(String origin, List<Track> tracks, Set<String> datasets) {

    public Catalog {
        tracks = List.copyOf(tracks);
        datasets = Set.copyOf(datasets);
    }

    public Optional<Track> track(String slug) {
        return tracks.stream().filter(track -> track.slug().equals(slug)).findFirst();
    }

    public int lessonCount() {
        return tracks.stream().mapToInt(track -> (int) track.availableCount()).sum();
    }
}
