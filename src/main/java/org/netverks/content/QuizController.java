package org.netverks.content;

import org.netverks.web.BadRequestException;
import org.netverks.web.NotFoundException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Checks one "Check yourself" answer. The page never holds the correct choice or the
 * explanations; they come from here, one chosen answer at a time. A wrong answer's verdict also
 * names the right choice with its explanation: a learner who only hears "not quite" guesses
 * again and learns nothing from the miss.
 */
@RestController
class QuizController {

    private final ContentCatalog catalog;

    QuizController(ContentCatalog catalog) {
        this.catalog = catalog;
    }

    record Answer(String choice) {}

    /** {@code rightChoice} and {@code rightExplanationHtml}: the correct choice, when this one is not it. */
    record Verdict(
            String question,
            String choice,
            boolean correct,
            String explanationHtml,
            String rightChoice,
            String rightExplanationHtml) {}

    @PostMapping("/api/quiz/{trackSlug}/{lessonSlug}/{questionId}")
    Verdict check(
            @PathVariable String trackSlug,
            @PathVariable String lessonSlug,
            @PathVariable String questionId,
            @RequestBody Answer answer) {
        Lesson lesson = catalog.current()
                .lesson(trackSlug, lessonSlug)
                .map(Track.Step::lesson)
                .orElseThrow(() -> new NotFoundException("No lesson " + trackSlug + "/" + lessonSlug + "."));
        Lesson.QuizQuestion question = lesson.quizQuestion(questionId)
                .orElseThrow(() -> new NotFoundException("This lesson has no quiz question '" + questionId + "'."));
        if (answer == null || answer.choice() == null || answer.choice().isBlank()) {
            throw new BadRequestException("Send the chosen answer as {\"choice\": \"<choice id>\"}.");
        }
        Lesson.QuizChoice choice = question.choice(answer.choice())
                .orElseThrow(() -> new BadRequestException(
                        "'" + abbreviate(answer.choice()) + "' is not one of this question's choices."));
        if (choice.correct()) {
            return new Verdict(question.id(), choice.id(), true, choice.explanationHtml(), null, null);
        }
        Lesson.QuizChoice right = question.choices().stream()
                .filter(Lesson.QuizChoice::correct)
                .findFirst()
                .orElseThrow(); // the loader refuses a question without exactly one correct choice
        return new Verdict(
                question.id(), choice.id(), false, choice.explanationHtml(), right.id(), right.explanationHtml());
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
