package org.netverks.lab;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.netverks.learner.CurrentLearner;
import org.netverks.web.BadRequestException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Graded exercises of a lesson (docs/lab-api.md). Hints revealed and exercises solved are kept in
 * the HTTP session, so a reload shows them again; the browser keeps solved exercises as progress.
 */
@RestController
@RequestMapping("/api/lab/{track}/{lesson}/exercises")
class ExerciseController {

    static final String HINTS = "netverks.lab.hints";
    static final String SOLVED = "netverks.lab.solved";

    private final ExerciseService exercises;

    ExerciseController(ExerciseService exercises) {
        this.exercises = exercises;
    }

    @GetMapping
    List<ExerciseService.ExerciseView> list(
            @PathVariable String track, @PathVariable String lesson, HttpServletRequest http) {
        HttpSession session = http.getSession(false);
        return exercises.list(
                track,
                lesson,
                id -> session == null
                        ? ExerciseService.Progress.NONE
                        : new ExerciseService.Progress(
                                hints(session).getOrDefault(key(track, lesson, id), 0),
                                solved(session).contains(key(track, lesson, id))));
    }

    /** {@code sql} answers an exercise; {@code steps} (one SQL text per step the learner writes) a timeline. */
    record CheckRequest(String sql, List<String> steps) {}

    @PostMapping("/{exercise}/check")
    ExerciseService.CheckResponse check(
            @PathVariable String track,
            @PathVariable String lesson,
            @PathVariable String exercise,
            @RequestBody CheckRequest request,
            LabService.Visitor visitor,
            Optional<CurrentLearner> learner,
            HttpServletRequest http)
            throws SQLException {
        if (request == null || (request.sql() == null && request.steps() == null)) {
            throw new BadRequestException(
                    "Send your answer as {\"sql\": \"select …\"}, or for a timeline as {\"steps\": [\"…\"]}.");
        }
        if (request.sql() != null && request.sql().isBlank()) {
            throw new BadRequestException("Your answer is empty: write the SQL the task asks for, then check it.");
        }
        ExerciseService.Answer answer = request.steps() != null
                ? ExerciseService.Answer.ofSteps(request.steps())
                : ExerciseService.Answer.ofSql(request.sql());
        ExerciseService.CheckResponse response =
                exercises.check(track, lesson, exercise, answer, visitor.learnerKey(), learner);
        if (response.correct()) {
            HttpSession session = http.getSession();
            HashSet<String> solved = solved(session);
            solved.add(key(track, lesson, exercise));
            session.setAttribute(SOLVED, solved);
        }
        return response;
    }

    @PostMapping("/{exercise}/hint")
    ExerciseService.HintResponse hint(
            @PathVariable String track,
            @PathVariable String lesson,
            @PathVariable String exercise,
            HttpServletRequest http) {
        HttpSession session = http.getSession();
        HashMap<String, Integer> hints = hints(session);
        String key = key(track, lesson, exercise);
        ExerciseService.HintResponse hint = exercises.hint(track, lesson, exercise, hints.getOrDefault(key, 0));
        hints.put(key, hint.number());
        // set again, not only changed: a session stored outside the JVM saves what is set
        session.setAttribute(HINTS, hints);
        return hint;
    }

    private static String key(String track, String lesson, String exercise) {
        return track + "/" + lesson + "/" + exercise;
    }

    @SuppressWarnings("unchecked")
    private static HashMap<String, Integer> hints(HttpSession session) {
        Object value = session.getAttribute(HINTS);
        return value instanceof HashMap<?, ?> map ? (HashMap<String, Integer>) map : new HashMap<>();
    }

    @SuppressWarnings("unchecked")
    private static HashSet<String> solved(HttpSession session) {
        Object value = session.getAttribute(SOLVED);
        return value instanceof HashSet<?> set ? (HashSet<String>) set : new HashSet<>();
    }
}
