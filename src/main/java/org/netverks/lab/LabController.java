package org.netverks.lab;

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

    LabController(LabService lab) {
        this.lab = lab;
    }

    record RunRequest(String sql) {}

    @PostMapping("/run")
    LabService.RunResponse runScript(
            @PathVariable String track,
            @PathVariable String lesson,
            @RequestBody RunRequest request,
            LabService.Visitor visitor,
            HttpSession session)
            throws SQLException {
        if (request == null || request.sql() == null) {
            throw new BadRequestException("Send the SQL to run as {\"sql\": \"select 1\"}.");
        }
        LabService.RunResponse response = lab.runScript(track, lesson, request.sql(), visitor);
        LabVisitors.remember(session, response.settings());
        return response;
    }

    @PostMapping("/reset")
    Map<String, Object> reset(@PathVariable String track, @PathVariable String lesson, LabService.Visitor visitor) {
        lab.reset(track, lesson, visitor);
        return Map.of("reset", true, "message", "Your sandbox is back to the lesson's original data.");
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
