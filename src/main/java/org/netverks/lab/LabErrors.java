package org.netverks.lab;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.netverks.lab.sandbox.SandboxServers;
import org.netverks.lab.sandbox.SandboxUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The lab's refusals as JSON with the right status; each names the limit that applied. */
@RestControllerAdvice(assignableTypes = {LabController.class, ExerciseController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class LabErrors {

    private static final Logger log = LoggerFactory.getLogger(LabErrors.class);

    private final SandboxServers servers;

    LabErrors(SandboxServers servers) {
        this.servers = servers;
    }

    @ExceptionHandler(SandboxUnavailableException.class)
    ResponseEntity<Map<String, Object>> unavailable(SandboxUnavailableException e) {
        HttpStatus status = switch (e.reason()) {
            case TOO_MANY_CREATIONS -> HttpStatus.TOO_MANY_REQUESTS;
            case AT_CAPACITY, SERVER_ERROR, SERVER_DOWN -> HttpStatus.SERVICE_UNAVAILABLE;
        };
        String limit = switch (e.reason()) {
            case TOO_MANY_CREATIONS -> "sandbox creation limit";
            case AT_CAPACITY -> "lab capacity";
            case SERVER_ERROR, SERVER_DOWN -> null;
        };
        return ResponseEntity.status(status)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, e.retryAfter().toSeconds())))
                .body(body(status.value(), e.getMessage(), limit));
    }

    @ExceptionHandler(LabLimitException.class)
    ResponseEntity<Map<String, Object>> limit(LabLimitException e) {
        return ResponseEntity.status(e.status()).body(body(e.status(), e.getMessage(), e.limit()));
    }

    @ExceptionHandler(SandboxSessions.Busy.class)
    ResponseEntity<Map<String, Object>> busy(SandboxSessions.Busy e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(body(409, e.getMessage(), null));
    }

    @ExceptionHandler(SQLException.class)
    ResponseEntity<Map<String, Object>> cannotConnect(SQLException e) {
        if ("53300".equals(e.getSQLState())) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(body(503,
                    "Your sandbox already has as many open connections as it may have (connection limit). "
                            + "Close some of your own psql sessions and try again.", "connection limit"));
        }
        if (SandboxServers.unreachable(e)) {
            log.warn("Could not reach a sandbox server: {}", e.getMessage());
            return unavailable(servers.unavailable());
        }
        log.warn("Could not reach a sandbox: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "30")
                .body(body(503, "The lab could not reach your sandbox just now. Please try again shortly.", null));
    }

    private static Map<String, Object> body(int status, String message, String limit) {
        Map<String, Object> body = new HashMap<>();
        body.put("status", status);
        body.put("error", message);
        if (limit != null) {
            body.put("limit", limit);
        }
        return body;
    }
}
