package org.netverks.content;

import java.time.LocalDate;
import java.util.List;

/**
 * A lesson ready to serve: Markdown already rendered to HTML at load time, so a page view does no
 * Markdown work. Fields ending in {@code Html} are safe to output unescaped: the renderer escapes
 * any raw HTML the author wrote. {@code labStarterSql} is what the lab's editor holds at first:
 * the lesson's first SQL example the lab can run. {@code sqlBlocks} are the body's SQL blocks in
 * order, for content CI. {@code labSessions} is how many sessions the lab opens with: 2 for
 * lessons about concurrency (sessions A and B side by side), 1 otherwise.
 */
public record Lesson(
        String id,
        String slug,
        String title,
        Level level,
        LocalDate lastReviewed,
        String contentVersion,
        LessonMode mode,
        String dataset,
        String summaryHtml,
        String usedInPracticeHtml,
        String bodyHtml,
        List<Heading> headings,
        int readingMinutes,
        Parts parts,
        String labStarterSql,
        int labSessions,
        List<SqlBlock> sqlBlocks,
        List<Exercise> exercises) {

    public record Heading(String anchor, String text) {}

    public record QuestionAnswer(String questionHtml, String answerHtml) {}

    public record Card(String id, String frontHtml, String backHtml) {}

    public record QuizQuestion(String id, String questionHtml, List<QuizChoice> choices) {

        public java.util.Optional<QuizChoice> choice(String choiceId) {
            return choices.stream()
                    .filter(choice -> choice.id().equals(choiceId))
                    .findFirst();
        }
    }

    /** {@code correct} and {@code explanationHtml} never go into a page: the server answers them. */
    public record QuizChoice(String id, String textHtml, boolean correct, String explanationHtml) {}

    public record Parts(
            List<String> practiceNotesHtml,
            List<String> pitfallsHtml,
            List<QuestionAnswer> interview,
            List<QuestionAnswer> selfCheck,
            String interviewTip,
            List<Card> cards,
            List<QuizQuestion> quiz,
            List<String> starterTopics) {}

    public java.util.Optional<Exercise> exercise(String exerciseId) {
        return exercises.stream()
                .filter(exercise -> exercise.id().equals(exerciseId))
                .findFirst();
    }

    public java.util.Optional<QuizQuestion> quizQuestion(String questionId) {
        return parts.quiz().stream()
                .filter(question -> question.id().equals(questionId))
                .findFirst();
    }
}
