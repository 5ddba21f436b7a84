package org.netverks.content;

/** One thing wrong with one content file, worded for the author who has to fix it. */
public record ContentProblem(String file, String field, String message) {

    @Override
    public String toString() {
        return field.isEmpty() ? file + ": " + message : file + ": " + field + ": " + message;
    }
}
