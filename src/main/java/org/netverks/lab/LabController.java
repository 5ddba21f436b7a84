package org.netverks.lab;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.netverks.lab.run.RunSettings;
import org.netverks.web.BadRequestException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The lab's JSON API (docs/lab-api.md). The learner is whoever holds this HTTP session: an
 * anonymous learner's sandbox follows their session cookie.
 */
@RestController
@RequestMapping("/api/lab/{track}/{lesson}")
class LabController {

    static final String LEARNER = "netverks.lab.learner";
    static final String SETTINGS = "netverks.lab.settings";

    private final LabService lab;

    LabController(LabService lab) {
        this.lab = lab;
    }

    record RunRequest(String sql) {}

    @PostMapping("/run")
    LabService.RunResponse run(
            @PathVariable String track,
            @PathVariable String lesson,
            @RequestBody RunRequest request,
            HttpServletRequest http)
            throws SQLException {
        if (request == null || request.sql() == null) {
            throw new BadRequestException("Send the SQL to run as {\"sql\": \"select 1\"}.");
        }
        LabService.RunResponse response = lab.run(track, lesson, request.sql(), visitor(http));
        http.getSession().setAttribute(SETTINGS, response.settings());
        return response;
    }

    @PostMapping("/reset")
    Map<String, Object> reset(@PathVariable String track, @PathVariable String lesson, HttpServletRequest http) {
        lab.reset(track, lesson, visitor(http));
        return Map.of("reset", true, "message", "Your sandbox is back to the lesson's original data.");
    }

    @GetMapping("/connection")
    LabService.ConnectionDetails connection(
            @PathVariable String track, @PathVariable String lesson, HttpServletRequest http) throws SQLException {
        return lab.connection(track, lesson, visitor(http));
    }

    @GetMapping("/schema")
    List<LabService.Table> schema(@PathVariable String track, @PathVariable String lesson, HttpServletRequest http)
            throws SQLException {
        return lab.schema(track, lesson, visitor(http));
    }

    private static LabService.Visitor visitor(HttpServletRequest http) {
        Object settings = http.getSession().getAttribute(SETTINGS);
        return new LabService.Visitor(
                learnerKey(http),
                http.getRemoteAddr(),
                settings instanceof RunSettings known ? known : RunSettings.DEFAULT);
    }

    /** Who the learner is to the lab: a key kept in their session, made on first use. */
    static String learnerKey(HttpServletRequest http) {
        HttpSession session = http.getSession();
        Object learner = session.getAttribute(LEARNER);
        if (learner == null) {
            learner = "anon:" + UUID.randomUUID();
            session.setAttribute(LEARNER, learner);
        }
        return (String) learner;
    }
}
