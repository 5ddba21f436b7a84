package org.netverks.lab;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.netverks.lab.psql.SchemaPanel;
import org.netverks.web.BadRequestException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The lab's JSON API (docs/lab-api.md). The learner is whoever holds this HTTP session
 * ({@link LabVisitors}): an anonymous learner's sandbox follows their session cookie.
 */
@RestController
@RequestMapping("/api/lab/{track}/{lesson}")
class LabController {

    private final LabService lab;
    private final TwoSessionLab twoSessions;
    private final LabSettings settings;
    private final LabPasses passes;

    LabController(LabService lab, TwoSessionLab twoSessions, LabSettings settings, LabPasses passes) {
        this.lab = lab;
        this.twoSessions = twoSessions;
        this.settings = settings;
        this.passes = passes;
    }

    /** {@code session}: "a" or "b" for a session of the two-session lab; null for the one-session lab. */
    record RunRequest(String sql, String session) {
        static final String SHAPE =
                "Send the SQL to run as {\"sql\": \"select 1\"}, with \"session\": \"a\" or \"b\" in a two-session lab.";
    }

    /**
     * A run the full way: the session is read, the run's settings are kept in it when they
     * changed, and the answer carries a fresh lab pass, with which the learner's next runs take
     * the lean path ({@link LeanLabRuns}).
     */
    @PostMapping("/run")
    LabService.RunResponse runScript(
            @PathVariable String track,
            @PathVariable String lesson,
            @RequestBody RunRequest request,
            HttpServletRequest http,
            HttpServletResponse answer)
            throws SQLException {
        if (request == null || request.sql() == null) {
            throw new BadRequestException(RunRequest.SHAPE);
        }
        HttpSession session = http.getSession();
        String learner = LabVisitors.learnerKey(session);
        LabSettings.Version before = settings.of(session);
        LabService.RunResponse response = lab.runScript(
                track,
                lesson,
                request.sql(),
                request.session(),
                new LabService.Visitor(learner, http.getRemoteAddr(), before.settings()));
        String stamp = settings.remember(session, learner, before, response.settings());
        passes.give(http, answer, session.getId(), learner, stamp);
        return response;
    }

    @PostMapping("/reset")
    Map<String, Object> reset(@PathVariable String track, @PathVariable String lesson, LabService.Visitor visitor) {
        lab.reset(track, lesson, visitor);
        return Map.of("reset", true, "message", "Your sandbox is back to the lesson's original data.");
    }

    /** Both sessions of the two-session lab: state, transaction, isolation level, and results since the last call. */
    @GetMapping("/sessions")
    TwoSessionLab.SessionsView sessions(
            @PathVariable String track, @PathVariable String lesson, LabService.Visitor visitor) {
        return twoSessions.sessions(track, lesson, visitor);
    }

    @PostMapping("/sessions/{session}/cancel")
    Map<String, Object> cancel(
            @PathVariable String track,
            @PathVariable String lesson,
            @PathVariable String session,
            LabService.Visitor visitor) {
        boolean cancelled = twoSessions.cancel(track, lesson, session, visitor);
        String label = session.toUpperCase(java.util.Locale.ROOT);
        return Map.of(
                "cancelled",
                cancelled,
                "message",
                cancelled
                        ? "Session " + label + "'s statement was asked to stop."
                        : "Session " + label + " was not running anything.");
    }

    /** The lock and activity panel: the learner's own backends and their locks. */
    @GetMapping("/locks")
    TwoSessionLab.LocksView locks(@PathVariable String track, @PathVariable String lesson, LabService.Visitor visitor)
            throws SQLException {
        return twoSessions.locks(track, lesson, visitor);
    }

    @GetMapping("/connection")
    LabService.ConnectionDetails connection(
            @PathVariable String track, @PathVariable String lesson, LabService.Visitor visitor) throws SQLException {
        return lab.connection(track, lesson, visitor);
    }

    @GetMapping("/schema")
    List<SchemaPanel.Table> schema(@PathVariable String track, @PathVariable String lesson, LabService.Visitor visitor)
            throws SQLException {
        return lab.schema(track, lesson, visitor);
    }
}
