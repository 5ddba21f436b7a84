package org.netverks.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The one shape of every JSON error: {@code {"status", "error"}}, plus {@code limit} when a limit
 * stopped the request (it names itself), {@code field} when one field was wrong, and
 * {@code problems} when there is a list of them. Absent parts are left out of the JSON. Written
 * only by {@link ApiErrors}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(int status, String error, String limit, String field, List<String> problems) {

    public static ApiError of(int status, String error) {
        return new ApiError(status, error, null, null, null);
    }

    /** A refusal by a limit; {@code limit} may be null when no limit applied. */
    public static ApiError limit(int status, String error, String limit) {
        return new ApiError(status, error, limit, null, null);
    }

    public static ApiError field(int status, String error, String field) {
        return new ApiError(status, error, null, field, null);
    }

    public static ApiError problems(int status, String error, List<String> problems) {
        return new ApiError(status, error, null, null, List.copyOf(problems));
    }
}
