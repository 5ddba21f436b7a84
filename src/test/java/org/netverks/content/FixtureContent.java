package org.netverks.content;

import java.util.HashMap;
import java.util.Map;

/** A tiny valid content folder held in memory; each test breaks one thing in it. */
final class FixtureContent {

    static final String TRACK =
            """
            id: sample
            slug: sample
            title: Sample track
            summary: A track for tests.
            mode: sql_sandbox
            lessons:
              - id: sample-one
                slug: one
                title: Lesson one
              - id: sample-two
                slug: two
                title: Lesson two
              - id: sample-three
                slug: three
                title: Lesson three
            """;

    static final String LESSON_ONE =
            """
            ---
            id: sample-one
            slug: one
            title: Lesson one
            level: beginner
            last_reviewed: 2026-05-28
            content_version: v20260528
            mode: sql_sandbox
            dataset: tiny
            summary: >
              What lesson one teaches.
            used_in_practice: >
              Everywhere.
            ---

            ## First heading

            Some text with `code`. See [lesson two](/tracks/sample/two).

            ```sql
            select 1;
            ```

            > [!TIP]
            > A useful tip.
            """;

    static final String PARTS_ONE =
            """
            practice_notes:
              - Try it yourself.
            pitfalls:
              - Do not do that.
            interview:
              - q: A question?
                a: An answer.
            self_check:
              - q: Check?
                a: Yes.
            cards:
              - id: card-a
                front: Front A
                back: Back A
            quiz:
              - id: q1
                question: Which one?
                choices:
                  - id: a
                    text: This one
                    correct: true
                    explanation: Because it is right.
                  - id: b
                    text: That one
                    explanation: Because it is wrong.
            starter_topics:
              - How do I start?
            """;

    static final String LESSON_TWO = LESSON_ONE
            .replace("sample-one", "sample-two")
            .replace("slug: one", "slug: two")
            .replace("title: Lesson one", "title: Lesson two");

    private FixtureContent() {}

    static Map<String, String> files() {
        Map<String, String> files = new HashMap<>();
        files.put("datasets/tiny/schema.sql", "create table t (id int);");
        files.put("tracks/sample/track.yaml", TRACK);
        files.put("tracks/sample/lessons/one/lesson.md", LESSON_ONE);
        files.put("tracks/sample/lessons/one/parts.yaml", PARTS_ONE);
        files.put("tracks/sample/lessons/two/lesson.md", LESSON_TWO);
        files.put("tracks/sample/lessons/two/parts.yaml", PARTS_ONE);
        return files;
    }

    static ContentFiles with(String file, String text) {
        Map<String, String> files = files();
        if (text == null) {
            files.remove(file);
        } else {
            files.put(file, text);
        }
        return new ContentFiles("fixture", files);
    }
}
