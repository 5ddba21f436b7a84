package org.netverks.lab;

import java.sql.SQLException;
import org.netverks.lab.sandbox.SandboxServers;
import org.netverks.lab.sandbox.SandboxUnavailableException;
import org.netverks.web.ApiError;
import org.netverks.web.ApiErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The lab's refusals as JSON: the one place that turns what the lab's services refuse (a
 * {@link LabRefusal.Kind}, a sandbox that cannot be had, a sandbox server out of reach) into an
 * HTTP status and the limit the learner is told about.
 */
@RestControllerAdvice(assignableTypes = {LabController.class, ExerciseController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class LabErrors {

    private static final Logger log = LoggerFactory.getLogger(LabErrors.class);

    private final SandboxServers servers;
    private final LabMetrics metrics;

    LabErrors(SandboxServers servers, LabMetrics metrics) {
        this.servers = servers;
        this.metrics = metrics;
    }

    /** The answer to what a lab service threw, for the lab's lean run path ({@link LeanLabRuns}), which runs before Spring MVC. */
    ResponseEntity<ApiError> answer(Exception e) {
        if (e instanceof SandboxUnavailableException unavailable) {
            return unavailable(unavailable);
        }
        if (e instanceof LabRefusal refusal) {
            return refused(refusal);
        }
        if (e instanceof SQLException sql) {
            return cannotConnect(sql);
        }
        throw new IllegalArgumentException("not a lab refusal", e);
    }

    @ExceptionHandler(SandboxUnavailableException.class)
    ResponseEntity<ApiError> unavailable(SandboxUnavailableException e) {
        HttpStatus status =
                switch (e.reason()) {
                    case TOO_MANY_CREATIONS -> HttpStatus.TOO_MANY_REQUESTS;
                    case AT_CAPACITY, SERVER_ERROR, SERVER_DOWN -> HttpStatus.SERVICE_UNAVAILABLE;
                };
        String limit =
                switch (e.reason()) {
                    case TOO_MANY_CREATIONS -> "sandbox creation limit";
                    case AT_CAPACITY -> "lab capacity";
                    case SERVER_ERROR, SERVER_DOWN -> null;
                };
        counted(limit);
        return ApiErrors.entity(
                ApiError.limit(status.value(), e.getMessage(), limit),
                Math.max(1, e.retryAfter().toSeconds()));
    }

    @ExceptionHandler(LabRefusal.class)
    ResponseEntity<ApiError> refused(LabRefusal e) {
        HttpStatus status =
                switch (e.kind()) {
                    case SQL_TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
                    case OVER_DISK_QUOTA, RUN_IN_PROGRESS, NO_MORE_HINTS -> HttpStatus.CONFLICT;
                    case CONNECTIONS_NOT_OFFERED -> HttpStatus.FORBIDDEN;
                    case CHECK_IN_PROGRESS -> HttpStatus.TOO_MANY_REQUESTS;
                    case GRADING_BUSY, GRADING_FAILED, TOO_SLOW -> HttpStatus.SERVICE_UNAVAILABLE;
                };
        String limit =
                switch (e.kind()) {
                    case SQL_TOO_LARGE -> "SQL size limit";
                    case OVER_DISK_QUOTA -> "disk quota";
                    case GRADING_BUSY -> "grading capacity";
                    case TOO_SLOW -> "statement time limit";
                    case CONNECTIONS_NOT_OFFERED, RUN_IN_PROGRESS, CHECK_IN_PROGRESS, GRADING_FAILED, NO_MORE_HINTS ->
                        null;
                };
        counted(limit);
        return ApiErrors.entity(ApiError.limit(status.value(), e.getMessage(), limit));
    }

    /** Every refusal that names a limit to the learner counts as a hit of that limit. */
    private void counted(String limit) {
        if (limit != null) {
            metrics.limitHit(limit);
        }
    }

    @ExceptionHandler(SQLException.class)
    ResponseEntity<ApiError> cannotConnect(SQLException e) {
        if ("53300".equals(e.getSQLState())) {
            metrics.limitHit("connection limit");
            return ApiErrors.entity(ApiError.limit(
                    503,
                    "Your sandbox already has as many open connections as it may have (connection limit). "
                            + "Close some of your own psql sessions and try again.",
                    "connection limit"));
        }
        if (SandboxServers.unreachable(e)) {
            log.warn("Could not reach a sandbox server: {}", e.getMessage());
            return unavailable(servers.unavailable());
        }
        log.warn("Could not reach a sandbox: {}", e.getMessage());
        return ApiErrors.entity(
                ApiError.of(503, "The lab could not reach your sandbox just now. Please try again shortly."), 30);
    }
}
