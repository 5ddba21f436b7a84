package org.netverks.content;

/** How a lesson is practised: with a live SQL sandbox, or by reading alone. */
public enum LessonMode {
    SQL_SANDBOX("sql_sandbox", "SQL sandbox"),
    READING("reading", "Reading");

    private final String key;
    private final String label;

    LessonMode(String key, String label) {
        this.key = key;
        this.label = label;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }
}
