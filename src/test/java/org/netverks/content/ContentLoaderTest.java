package org.netverks.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContentLoaderTest {

    private final ContentLoader loader = new ContentLoader();

    private static final String ONE = "tracks/sample/lessons/one/lesson.md";
    private static final String PARTS = "tracks/sample/lessons/one/parts.yaml";
    private static final String TRACK = "tracks/sample/track.yaml";

    @Test
    void loadsAValidFolderWithOrderFromTrackYaml() {
        Catalog catalog = loader.load(new ContentFiles("fixture", FixtureContent.files()));

        Track track = catalog.track("sample").orElseThrow();
        assertThat(track.steps()).extracting(Track.Step::slug).containsExactly("one", "two", "three");
        assertThat(track.steps()).extracting(Track.Step::position).containsExactly(1, 2, 3);
        assertThat(track.step("three").orElseThrow().available())
                .as("no folder: coming soon")
                .isFalse();
        assertThat(catalog.datasets()).containsOnlyKeys("tiny");
        assertThat(catalog.dataset("tiny").orElseThrow().scripts())
                .containsExactly(new Dataset.Script("datasets/tiny/schema.sql", "create table t (id int);"));

        Lesson lesson = track.step("one").orElseThrow().lesson();
        assertThat(lesson.level()).isEqualTo(Level.BEGINNER);
        assertThat(lesson.lastReviewed()).isEqualTo(LocalDate.of(2026, 5, 28));
        assertThat(lesson.mode()).isEqualTo(LessonMode.SQL_SANDBOX);
        assertThat(lesson.readingMinutes()).isEqualTo(1);
        assertThat(lesson.headings()).containsExactly(new Lesson.Heading("first-heading", "First heading"));
        assertThat(lesson.bodyHtml()).contains("<code class=\"language-sql\">select 1;");
        assertThat(lesson.parts().quiz().get(0).choices())
                .extracting(Lesson.QuizChoice::correct)
                .containsExactly(true, false);
        assertThat(lesson.parts().interviewTip())
                .isEqualTo("Can you explain this lesson in 30 seconds without reading notes?");
        assertThat(lesson.parts().starterTopics()).containsExactly("How do I start?");
    }

    @Test
    void readingTimeGrowsWithTheText() {
        String longBody = FixtureContent.LESSON_ONE + "word ".repeat(1000);
        Lesson lesson = loader.load(FixtureContent.with(ONE, longBody))
                .track("sample")
                .orElseThrow()
                .step("one")
                .orElseThrow()
                .lesson();
        assertThat(lesson.readingMinutes()).isEqualTo(5);
    }

    @Test
    void aMissingRequiredFieldNamesFileAndField() {
        assertProblems(
                FixtureContent.with(ONE, FixtureContent.LESSON_ONE.replace("level: beginner\n", "")),
                ONE + ": level: is required");
    }

    @Test
    void anUnknownFieldIsATypoNotSilence() {
        assertProblems(
                FixtureContent.with(PARTS, FixtureContent.PARTS_ONE + "pitfals:\n  - oops\n"),
                PARTS + ": pitfals: unknown field (allowed: practice_notes, pitfalls, interview, self_check, "
                        + "interview_tip, cards, quiz, starter_topics)");
    }

    @Test
    void aQuizQuestionNeedsExactlyOneCorrectChoice() {
        String twoCorrect =
                FixtureContent.PARTS_ONE.replace("text: That one\n", "text: That one\n        correct: true\n");
        assertProblems(
                FixtureContent.with(PARTS, twoCorrect),
                PARTS + ": quiz[0].choices: exactly one choice must have correct: true (found 2)");
    }

    @Test
    void everyChoiceNeedsAnExplanation() {
        String noExplanation = FixtureContent.PARTS_ONE.replace("        explanation: Because it is wrong.\n", "");
        assertProblems(
                FixtureContent.with(PARTS, noExplanation), PARTS + ": quiz[0].choices[1].explanation: is required");
    }

    @Test
    void aQuizQuestionNeedsAtLeastTwoChoices() {
        String oneChoice = FixtureContent.PARTS_ONE.substring(0, FixtureContent.PARTS_ONE.indexOf("      - id: b"))
                + "starter_topics:\n  - x\n";
        assertProblems(FixtureContent.with(PARTS, oneChoice), PARTS + ": quiz[0].choices: needs 2 to 6 choices, has 1");
    }

    @Test
    void idsMustBeWellFormedAndUnique() {
        assertProblems(
                FixtureContent.with(PARTS, FixtureContent.PARTS_ONE.replace("id: card-a", "id: Card A")),
                PARTS + ": cards[0].id: 'Card A' is not a valid id: use lower-case letters, digits and dashes, "
                        + "starting with a letter or digit, at most 64 characters");
        String duplicate = FixtureContent.TRACK.replace("id: sample-three", "id: sample-two");
        assertProblems(FixtureContent.with(TRACK, duplicate), TRACK + ": lessons[2].id: 'sample-two' is listed twice");
    }

    @Test
    void theLessonIdMustMatchTrackYaml() {
        assertProblems(
                FixtureContent.with(ONE, FixtureContent.LESSON_ONE.replace("id: sample-one", "id: other")),
                ONE + ": id: 'other' does not match the id 'sample-one' given in track.yaml");
    }

    @Test
    void aSandboxLessonNeedsADatasetThatExists() {
        assertProblems(
                FixtureContent.with(ONE, FixtureContent.LESSON_ONE.replace("dataset: tiny", "dataset: huge")),
                ONE + ": dataset: 'huge' is not a folder under datasets/ with a schema.sql (have: tiny)");
        assertProblems(
                FixtureContent.with(ONE, FixtureContent.LESSON_ONE.replace("dataset: tiny\n", "")),
                ONE + ": dataset: is required for a sql_sandbox lesson");
    }

    @Test
    void levelDateAndVersionAreChecked() {
        assertProblems(
                FixtureContent.with(ONE, FixtureContent.LESSON_ONE.replace("level: beginner", "level: expert")),
                ONE + ": level: 'expert' is not one of beginner, intermediate, advanced");
        assertProblems(
                FixtureContent.with(ONE, FixtureContent.LESSON_ONE.replace("2026-05-28", "28/05/2026")),
                ONE + ": last_reviewed: '28/05/2026' is not a date like 2026-05-28");
        assertProblems(
                FixtureContent.with(ONE, FixtureContent.LESSON_ONE.replace("v20260528", "v2026")),
                ONE + ": content_version: 'v2026' is not a version like v20260528");
        assertProblems(
                FixtureContent.with(ONE, FixtureContent.LESSON_ONE.replace("v20260528", "v20260101")),
                ONE + ": content_version: 'v20260101' does not match last_reviewed 2026-05-28 (expected v20260528)");
    }

    @Test
    void aLessonFolderTheTrackDoesNotListIsAnError() {
        ContentFiles files = FixtureContent.with("tracks/sample/lessons/stray/lesson.md", FixtureContent.LESSON_ONE);
        assertProblems(
                files,
                "tracks/sample/lessons/stray/lesson.md: the lesson folder 'stray' is not listed in " + TRACK
                        + " (add it to lessons: there)");
    }

    @Test
    void theBodyMayNotHaveALevelOneHeadingOrUnlabelledCode() {
        assertProblems(
                FixtureContent.with(ONE, FixtureContent.LESSON_ONE + "\n# Big title\n"),
                ONE + ": body: '# Big title' is a level-1 heading: start at ## (the lesson title is the page's only "
                        + "level-1 heading)");
        assertProblems(
                FixtureContent.with(ONE, FixtureContent.LESSON_ONE + "\n```\nplain\n```\n"),
                ONE + ": body: 1 fenced code block(s) name no language: write ```sql, ```python, ```bash or ```text");
    }

    @Test
    void sqlBlocksKeepTheirLineInLessonMdAndTheirAnnotations() {
        String body = FixtureContent.LESSON_ONE
                + "\n```sql outside-lab\nselect * from pg_stat_activity;\n```\n\n```sql rows=2 \nselect 2;\n```\n";
        Lesson lesson = loader.load(FixtureContent.with(ONE, body))
                .track("sample")
                .orElseThrow()
                .step("one")
                .orElseThrow()
                .lesson();
        int lines = (int) FixtureContent.LESSON_ONE.lines().count();
        assertThat(lesson.sqlBlocks())
                .containsExactly(
                        new SqlBlock(20, "select 1;\n", null, false, false),
                        new SqlBlock(lines + 2, "select * from pg_stat_activity;\n", null, false, true),
                        new SqlBlock(lines + 6, "select 2;\n", 2, false, false));
        assertThat(lesson.labStarterSql()).isEqualTo("select 1;\n");
    }

    @Test
    void anUnknownOrMalformedAnnotationOnASqlBlockIsAProblemWithItsLine() {
        String body = FixtureContent.LESSON_ONE.replace("```sql\nselect 1;", "```sql rows 3\nselect 1;")
                + "\n```sql rows=many error\nselect 1;\n```\n";
        int last = (int) FixtureContent.LESSON_ONE.lines().count() + 2;
        assertThat(problems(FixtureContent.with(ONE, body)))
                .extracting(ContentProblem::toString)
                .containsExactly(
                        ONE
                                + ": body: line 20: unknown annotation 'rows' on a sql block (known: rows=N, error, outside-lab, plan=Node-Name, no-plan=Node-Name)",
                        ONE
                                + ": body: line 20: unknown annotation '3' on a sql block (known: rows=N, error, outside-lab, plan=Node-Name, no-plan=Node-Name)",
                        ONE + ": body: line " + last
                                + ": 'rows=many' on a sql block needs a whole number of rows, like "
                                + "rows=12 (known: rows=N, error, outside-lab, plan=Node-Name, no-plan=Node-Name)");
    }

    @Test
    void aBlockCannotBothFailAndReturnRows() {
        assertProblems(
                FixtureContent.with(
                        ONE, FixtureContent.LESSON_ONE.replace("```sql\nselect 1;", "```sql error rows=1\nselect 1;")),
                ONE + ": body: line 20: a sql block marked error returns no rows: drop rows=1 or error");
    }

    @Test
    void linksToLessonsMustLeadSomewhere() {
        assertProblems(
                FixtureContent.with(
                        ONE, FixtureContent.LESSON_ONE.replace("/tracks/sample/two", "/tracks/sample/nine")),
                ONE + ": body: the link '/tracks/sample/nine' leads to no track or lesson");
    }

    @Test
    void brokenYamlAndMissingPartsAreReported() {
        ContentProblem broken =
                problems(FixtureContent.with(PARTS, "quiz: [unclosed")).get(0);
        assertThat(broken.file()).isEqualTo(PARTS);
        assertThat(broken.message()).startsWith("is not valid YAML: ");
        assertProblems(
                FixtureContent.with(PARTS, null), PARTS + ": is missing: every lesson folder needs a parts.yaml");
        assertProblems(
                FixtureContent.with(ONE, "no front matter"),
                ONE + ": must start with front matter between '---' lines");
    }

    @Test
    void wrongTypesSayWhatWasFound() {
        assertProblems(
                FixtureContent.with(
                        PARTS,
                        FixtureContent.PARTS_ONE.replace(
                                "starter_topics:\n  - How do I start?", "starter_topics: just one")),
                PARTS + ": starter_topics: must be a list, not text");
        assertProblems(
                FixtureContent.with(ONE, FixtureContent.LESSON_ONE.replace("title: Lesson one", "title: 42")),
                ONE + ": title: must be text, not '42'");
    }

    @Test
    void everyProblemIsReportedInOnePass() {
        String broken = FixtureContent.LESSON_ONE
                .replace("level: beginner", "level: expert")
                .replace("v20260528", "nope");
        assertThat(problems(FixtureContent.with(ONE, broken))).hasSize(2);
    }

    private void assertProblems(ContentFiles files, String expected) {
        assertThat(problems(files)).extracting(ContentProblem::toString).containsExactly(expected);
    }

    private List<ContentProblem> problems(ContentFiles files) {
        return ((InvalidContentException) org.assertj.core.api.Assertions.catchThrowable(() -> loader.load(files)))
                .problems();
    }

    private static ContentFiles plus(String... pathsAndTexts) {
        java.util.Map<String, String> files = new java.util.HashMap<>(FixtureContent.files());
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            files.put(pathsAndTexts[i], pathsAndTexts[i + 1]);
        }
        return new ContentFiles("fixture", files);
    }

    private static final String EXERCISES = "tracks/sample/lessons/one/exercises.yaml";

    @Test
    void aDatasetLikeAnotherTakesItsSchemaAndFinaliseUnlessItHasItsOwn() {
        Catalog catalog = loader.load(plus(
                "datasets/tiny/finalise.sql",
                "analyze t;",
                "datasets/tiny-alt/dataset.yaml",
                "like: tiny",
                "datasets/tiny-alt/data.sql",
                "insert into t values (7);"));
        Dataset alt = catalog.dataset("tiny-alt").orElseThrow();
        assertThat(alt.scripts())
                .extracting(Dataset.Script::sql)
                .containsExactly("create table t (id int);", "insert into t values (7);", "analyze t;");
        assertThat(alt.fingerprint())
                .isNotEqualTo(catalog.dataset("tiny").orElseThrow().fingerprint());
        assertProblems(
                plus("datasets/tiny-alt/dataset.yaml", "like: nope"),
                "datasets/tiny-alt/dataset.yaml: like: 'nope' is not a dataset folder with its own schema.sql");
    }

    @Test
    void exercisesLoadWithTheirRulesAndNoSolutionInThePage() {
        Catalog catalog = loader.load(
                plus(
                        "datasets/tiny-alt/dataset.yaml",
                        "like: tiny",
                        EXERCISES,
                        """
                exercises:
                  - id: ids
                    title: All ids
                    task: Return `id`, largest first.
                    solution: select id from t order by id desc
                    rules: {order: [1], column_names: ignore, types: exact, tolerance: 0.5}
                    hidden_datasets: [tiny-alt]
                    plan:
                      - avoids: Seq Scan
                        on: t
                    hints: [Use ORDER BY.]
                    known_wrong:
                      - sql: select id from t
                        why: unordered
                """));
        Exercise exercise = catalog.lesson("sample", "one")
                .orElseThrow()
                .lesson()
                .exercise("ids")
                .orElseThrow();
        assertThat(exercise.dataset()).as("the lesson's dataset by default").isEqualTo("tiny");
        assertThat(exercise.rules())
                .isEqualTo(new GradingRules(
                        GradingRules.RowOrder.BY_COLUMNS,
                        List.of("1"),
                        false,
                        GradingRules.TypePolicy.EXACT,
                        new java.math.BigDecimal("0.5")));
        assertThat(exercise.plan()).containsExactly(new PlanAssertion(false, List.of("Seq Scan"), "t"));
        assertThat(exercise.rulesInWords())
                .contains(
                        "Rows must be sorted by the 1st column as the task asks; rows that tie on it "
                                + "may come in any order.",
                        "Numbers within 0.5 of the expected value count as equal.",
                        "The plan of your last statement must not use Seq Scan on t.");
        assertThat(exercise.hintsHtml()).containsExactly("<p>Use ORDER BY.</p>\n");
    }

    @Test
    void everyMistakeInAnExerciseIsNamed() {
        assertThat(
                        problems(
                                plus(
                                        EXERCISES,
                                        """
                exercises:
                  - id: bad
                    title: Bad
                    task: Return `id`.
                    solution: select id from t
                    rules: {order: sideways, column_names: maybe, tolerance: -1, colour: red}
                    hidden_datasets: [nope, tiny]
                    plan:
                      - uses: Seq Scann
                        on: t
                      - on: t
                    known_wrong:
                      - sql: select 1
                  - id: bad
                    title: Total without order
                    task: Return `id`.
                    solution: select id from t
                    rules: {order: total}
                """)))
                .extracting(ContentProblem::toString)
                .containsExactlyInAnyOrder(
                        EXERCISES + ": exercises[1].id: 'bad' is used twice in this list",
                        EXERCISES + ": exercises[0].hidden_datasets: 'nope' is not a folder under datasets/",
                        EXERCISES
                                + ": exercises[0].hidden_datasets: 'tiny' is the exercise's own dataset; a hidden one must differ",
                        EXERCISES
                                + ": exercises[0].rules.colour: unknown field (allowed: order, column_names, types, tolerance)",
                        EXERCISES
                                + ": exercises[0].rules.order: 'sideways' is not none, total, or a list of column names like [total, name]",
                        EXERCISES + ": exercises[0].rules.column_names: 'maybe' is not one of match, ignore",
                        EXERCISES + ": exercises[0].rules.tolerance: must be a number of 0 or more, not '-1'",
                        EXERCISES + ": exercises[0].plan[0].uses: 'Seq Scann' is not a plan node type (known: "
                                + String.join(", ", PlanAssertion.NODE_TYPES) + ")",
                        EXERCISES + ": exercises[0].plan[1]: needs exactly one of uses: or avoids:",
                        EXERCISES + ": exercises[0].known_wrong[0].why: is required",
                        EXERCISES
                                + ": exercises[1].rules.order: is total, but the solution's last statement has no ORDER BY of its "
                                + "own (one inside a window or a subquery does not sort the result): its order would be arbitrary");
    }

    @Test
    void everyMistakeInATimelineIsNamed() {
        assertThat(
                        problems(
                                plus(
                                        EXERCISES,
                                        """
                exercises:
                  - id: timeline
                    title: Timeline
                    task: Make B wait.
                    solution: select 1
                    plan:
                      - avoids: Seq Scan
                        on: t
                    timeline:
                      - a: begin;
                        b: begin;
                      - a: select 1;
                        expect: hangs
                      - b: select 2;
                        then: completes
                        prompt: Write it.
                      - b: select 3;
                        expect: waits
                        then: waits
                    known_wrong:
                      - sql: select 1
                        why: not steps
                  - id: nothing-to-write
                    title: Nothing
                    task: Watch.
                    timeline:
                      - a: select 1;
                    check: select 1;
                    alternatives:
                      - ["select 1;", "select 2;"]
                """)))
                .extracting(ContentProblem::toString)
                .containsExactlyInAnyOrder(
                        EXERCISES + ": exercises[0].timeline[0]: names exactly one session: `a: <sql>` or `b: <sql>`",
                        EXERCISES
                                + ": exercises[0].timeline[1].expect: must be `completes`, `waits` or `fails SQLSTATE` "
                                + "(like `fails 40001`), not 'hangs'",
                        EXERCISES + ": exercises[0].timeline[2].then: is what a step that waits does once released: it "
                                + "needs `expect: waits`",
                        EXERCISES
                                + ": exercises[0].timeline[2].prompt: is the placeholder of a step the learner writes: "
                                + "it needs `yours: true`",
                        EXERCISES
                                + ": exercises[0].timeline[3].then: must be `completes` or `fails SQLSTATE`: a released "
                                + "step no longer waits",
                        EXERCISES + ": exercises[0].timeline: has no step marked `yours: true`: the learner would have "
                                + "nothing to write",
                        EXERCISES
                                + ": exercises[0].solution: a timeline exercise's reference answer is its steps: remove "
                                + "`solution`",
                        EXERCISES
                                + ": exercises[0].check: is required for a timeline: the query whose result is compared "
                                + "at the end",
                        EXERCISES
                                + ": exercises[0].plan: a timeline is graded by its steps and its check, not by a plan",
                        EXERCISES + ": exercises[0].known_wrong[0].sql: unknown field (allowed: steps, why)",
                        EXERCISES + ": exercises[1].timeline: has no step marked `yours: true`: the learner would have "
                                + "nothing to write",
                        EXERCISES
                                + ": exercises[1].alternatives[0]: must be a list of 0 SQL text(s), one per step marked "
                                + "`yours: true`, in order");
    }

    @Test
    void aTimelineExerciseLoadsWithItsStepsAndAnswers() {
        Catalog catalog = loader.load(
                plus(
                        EXERCISES,
                        """
                exercises:
                  - id: wait
                    title: Wait
                    task: Make B wait.
                    timeline:
                      - a: begin; update t set v = 1 where id = 1;
                      - b: update t set v = 2 where id = 1;
                        yours: true
                        prompt: Change the same row.
                        expect: waits
                        then: fails 40p01
                        when_wrong: B must touch A's row
                      - a: commit;
                    check: select v from t where id = 1;
                    alternatives:
                      - ["delete from t where id = 1;"]
                    known_wrong:
                      - steps: ["select 1;"]
                        why: B waits for nothing
                """));
        Exercise exercise =
                catalog.tracks().get(0).steps().get(0).lesson().exercises().get(0);
        Timeline timeline = exercise.timeline();
        assertThat(timeline.steps()).extracting(Timeline.Step::session).containsExactly("a", "b", "a");
        Timeline.Step mine = timeline.steps().get(1);
        assertThat(mine.yours()).isTrue();
        assertThat(mine.expect().words()).isEqualTo("waits");
        assertThat(mine.then().words()).isEqualTo("fails 40P01");
        assertThat(mine.whenWrong()).isEqualTo("B must touch A's row");
        assertThat(exercise.solution())
                .isEqualTo("-- step 1 (A)\nbegin; update t set v = 1 where id = 1;\n-- step 2 (B)\n"
                        + "update t set v = 2 where id = 1;\n-- step 3 (A)\ncommit;\n");
        assertThat(exercise.alternatives()).containsExactly("-- step 2 (B)\ndelete from t where id = 1;\n");
        assertThat(exercise.knownWrong().get(0).steps()).containsExactly("select 1;");
        assertThat(exercise.datasetsCheckedOnFreshCopies()).containsExactly(exercise.dataset());
        assertThat(exercise.rulesInWords().get(0)).startsWith("Graded by replaying the timeline");
    }

    @Test
    void labSessionsIsOneOrTwo() {
        String lesson = FixtureContent.LESSON_ONE.replace("dataset: tiny", "dataset: tiny\nlab_sessions: 3");
        assertThat(problems(FixtureContent.with(ONE, lesson)))
                .extracting(ContentProblem::toString)
                .containsExactly(ONE + ": lab_sessions: must be 1 or 2 (how many sessions the lab opens with), not 3");
    }

    @Test
    void anOrderRuleNeedsAnOrderByOfTheGradedResult() {
        assertThat(
                        problems(
                                plus(
                                        EXERCISES,
                                        """
                exercises:
                  - id: window-only
                    title: Numbered
                    task: Return `id` and `n`.
                    solution: select id, row_number() over (order by id) as n from t
                    rules: {order: total}
                  - id: order-in-solution-not-check
                    title: Insert
                    task: Add a row; the table is graded as `id`, `v`.
                    solution: insert into t values (4, 'd') returning id order by id
                    check: select id, v from t
                    rules: {order: [id]}
                  - id: order-in-check
                    title: Insert
                    task: Add a row; the table is graded as `id`, `v`.
                    solution: insert into t values (4, 'd')
                    check: select id, v from t order by id
                    rules: {order: total}
                  - id: earlier-statement
                    title: Two statements
                    task: Return `id`.
                    solution: select id from t order by id; select id from (select id from t order by id) s
                    rules: {order: total}
                """)))
                .extracting(ContentProblem::toString)
                .containsExactlyInAnyOrder(
                        EXERCISES + ": exercises[0].rules.order: is total, but the solution's last statement has no "
                                + "ORDER BY of its own (one inside a window or a subquery does not sort the result): "
                                + "its order would be arbitrary",
                        EXERCISES + ": exercises[1].rules.order: lists columns to sort by, but the check query has no "
                                + "ORDER BY of its own (the result graded is the check query's): its order would be arbitrary",
                        EXERCISES + ": exercises[3].rules.order: is total, but the solution's last statement has no "
                                + "ORDER BY of its own (one inside a window or a subquery does not sort the result): "
                                + "its order would be arbitrary");
    }

    @Test
    void anEmptyFolderHasNoTracks() {
        assertThatThrownBy(() -> loader.load(new ContentFiles("empty", java.util.Map.of())))
                .isInstanceOf(InvalidContentException.class)
                .hasMessageContaining("empty: no tracks found (expected tracks/<track>/track.yaml)");
    }
}
