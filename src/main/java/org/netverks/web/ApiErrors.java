package org.netverks.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one writer of {@link ApiError}: {@link #entity} for exception handlers and controllers,
 * {@link #write} for filters and security handlers, which answer before Spring MVC.
 */
public final class ApiErrors {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ApiErrors() {}

    /** The error as a response with its status and {@code application/json}, whatever the request accepts. */
    public static ResponseEntity<ApiError> entity(ApiError error) {
        return ResponseEntity.status(error.status())
                .contentType(MediaType.APPLICATION_JSON)
                .body(error);
    }

    /** The same, telling the client when to try again. */
    public static ResponseEntity<ApiError> entity(ApiError error, long retryAfterSeconds) {
        return ResponseEntity.status(error.status())
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds))
                .body(error);
    }

    /** The error written straight to the response (headers set before are kept). */
    public static void write(HttpServletResponse response, ApiError error) throws IOException {
        response.setStatus(error.status());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JSON.writeValueAsString(error));
    }
}
