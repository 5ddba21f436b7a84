package org.netverks.content;

import java.util.List;
import java.util.Optional;

/** A track: its steps in the order track.yaml gives; a step without a lesson yet is "coming soon". */
public record Track(String id, String slug, String title, String summary, LessonMode mode, List<Step> steps) {

    public Track {
        steps = List.copyOf(steps);
    }

    public Optional<Step> step(String lessonSlug) {
        return steps.stream().filter(step -> step.slug().equals(lessonSlug)).findFirst();
    }

    public int size() {
        return steps.size();
    }

    public long availableCount() {
        return steps.stream().filter(Step::available).count();
    }

    /** The track's page: {@code /tracks/<slug>}. */
    public String path() {
        return "/tracks/" + slug;
    }

    /** A step's page: {@code /tracks/<track>/<step>}. */
    public String path(Step step) {
        return path() + "/" + step.slug();
    }

    public Optional<Step> previous(Step step) {
        return step.position() > 1 ? Optional.of(steps.get(step.position() - 2)) : Optional.empty();
    }

    public Optional<Step> next(Step step) {
        return step.position() < steps.size() ? Optional.of(steps.get(step.position())) : Optional.empty();
    }

    /** One step of a track; {@code position} counts from 1. */
    public record Step(int position, String id, String slug, String title, Lesson lesson) {

        public boolean available() {
            return lesson != null;
        }

        /** How far through the track this step is, as a whole percentage (33 of 36 is 92). */
        public int percentThrough(int trackSize) {
            return Math.round(position * 100f / trackSize);
        }
    }
}
