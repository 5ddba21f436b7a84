package org.netverks.learner;

import java.util.ArrayList;
import java.util.List;

/**
 * A track's steps as a row of small squares (wrapping after {@value #PER_ROW}), each shaded by what
 * the learner did with it, so the dashboard shows where in a track they are at a glance.
 */
public record StepStrip(List<Square> squares, int width, int height) {

    static final int PER_ROW = 40;
    static final int CELL = 14; // a 12-unit square and its gap

    /** How far the learner got with a step; the name is the square's CSS class suffix. */
    enum State {
        COMPLETED("completed"),
        STARTED("started"),
        NOT_STARTED("not started"),
        NOT_WRITTEN("not written yet");

        final String words;

        State(String words) {
            this.words = words;
        }

        /** A completion mark wins over anything else recorded; a step without a lesson is not written. */
        static State of(boolean written, boolean touched, boolean completed) {
            if (completed) {
                return COMPLETED;
            }
            if (touched) {
                return STARTED;
            }
            return written ? NOT_STARTED : NOT_WRITTEN;
        }

        String cssName() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    public record Square(String title, String state, int x, int y) {}

    static StepStrip of(List<String> titles, List<State> states) {
        List<Square> squares = new ArrayList<>();
        for (int i = 0; i < titles.size(); i++) {
            State state = states.get(i);
            squares.add(new Square(
                    (i + 1) + ". " + titles.get(i) + ": " + state.words,
                    state.cssName(),
                    (i % PER_ROW) * CELL,
                    (i / PER_ROW) * CELL));
        }
        int rows = Math.max(1, (titles.size() + PER_ROW - 1) / PER_ROW);
        int columns = Math.max(1, Math.min(titles.size(), PER_ROW));
        return new StepStrip(List.copyOf(squares), columns * CELL, rows * CELL);
    }

    /** "12 completed, 3 started, 20 not started, 1 not written yet", for screen readers. */
    public String summary() {
        StringBuilder words = new StringBuilder();
        for (State state : State.values()) {
            long count = squares.stream()
                    .filter(square -> square.state().equals(state.cssName()))
                    .count();
            if (count > 0) {
                words.append(words.isEmpty() ? "" : ", ")
                        .append(count)
                        .append(' ')
                        .append(state.words);
            }
        }
        return "Steps: " + words;
    }
}
