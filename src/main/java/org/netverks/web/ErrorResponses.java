package org.netverks.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.ClassUtils;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Every failure becomes a page (or, under /api, a JSON message) with the right status and words
 * a person can act on; stack traces only go to the log.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ErrorResponses {

    private static final Logger log = LoggerFactory.getLogger(ErrorResponses.class);

    /** A JSON body that could not be read into what the API takes (also said by answers made before Spring MVC). */
    public static final String UNREADABLE_BODY = "The request body is not valid JSON of the expected shape.";

    private final RenderedPages pages;

    ErrorResponses(RenderedPages pages) {
        this.pages = pages;
    }

    /** A feature's refusal: the status its kind has ({@link Refusal#status()}), and the limit named in JSON. */
    @ExceptionHandler(RefusedException.class)
    Object refused(RefusedException e, HttpServletRequest request) {
        Refusal refusal = e.refusal();
        if (wantsJson(request)) {
            return ApiErrors.entity(ApiError.limit(refusal.status(), refusal.message(), refusal.limit()));
        }
        HttpStatusCode status = HttpStatusCode.valueOf(refusal.status());
        return pages.render(
                status.value(),
                e.pageTemplate(),
                new ErrorView(status.value(), titleFor(status), refusal.message()),
                request);
    }

    @ExceptionHandler(NotFoundException.class)
    Object notFound(NotFoundException e, HttpServletRequest request) {
        return respond(request, HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(ForbiddenException.class)
    Object forbidden(ForbiddenException e, HttpServletRequest request) {
        return respond(request, HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    Object noResource(HttpServletRequest request) {
        return respond(request, HttpStatus.NOT_FOUND, "There is no page at this address.");
    }

    @ExceptionHandler(BadRequestException.class)
    Object badRequest(BadRequestException e, HttpServletRequest request) {
        return respond(request, HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    Object unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        if (e.getMostSpecificCause() instanceof RequestSizeLimit.BodyTooLarge) {
            return ApiErrors.entity(RequestSizeLimit.TOO_LARGE);
        }
        if (e.getMostSpecificCause() instanceof SlowBodies.TooSlow slow) {
            return respond(request, HttpStatus.REQUEST_TIMEOUT, slow.getMessage());
        }
        return respond(request, HttpStatus.BAD_REQUEST, UNREADABLE_BODY);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    Object unsupportedMediaType(HttpServletRequest request) {
        return respond(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send the request body as application/json.");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    Object methodNotAllowed(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return respond(request, HttpStatus.METHOD_NOT_ALLOWED, "This address does not accept " + e.getMethod() + ".");
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Void> notAcceptable() {
        return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE).build();
    }

    /** The platform database cannot be reached: 503 saying so, at once (see {@link DatabaseUnavailable}). */
    @ExceptionHandler({DataAccessResourceFailureException.class, CannotCreateTransactionException.class})
    Object databaseUnavailable(Exception e, HttpServletRequest request, HttpServletResponse response) {
        log.warn(
                "The platform database is unavailable: {} {} answered 503 ({})",
                request.getMethod(),
                request.getRequestURI(),
                DatabaseUnavailable.rootMessage(e));
        response.setHeader("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS);
        return respond(request, HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailable.MESSAGE);
    }

    /** A path or query part that should be a number or an id and is not: {@code /discussion/abc}, {@code ?page=1e9}. */
    @ExceptionHandler(TypeMismatchException.class)
    Object typeMismatch(TypeMismatchException e, HttpServletRequest request) {
        String name =
                e instanceof MethodArgumentTypeMismatchException argument ? argument.getName() : e.getPropertyName();
        String value = String.valueOf(e.getValue()).replaceAll("\\p{Cntrl}", "?");
        Class<?> type = e.getRequiredType();
        String expected = type == null
                ? ""
                : type == java.util.UUID.class
                        ? ": it must be an id like 0b7c5e1a-…"
                        : ClassUtils.isAssignable(Number.class, type) ? ": it must be a whole number in range" : "";
        return respond(
                request,
                HttpStatus.BAD_REQUEST,
                "'" + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "' is not a valid "
                        + (name == null ? "value" : name) + expected + ".");
    }

    /**
     * Text PostgreSQL cannot store (a NUL character, 22021 or 22P05) that got past
     * {@link MalformedRequests} inside a JSON body: the client's mistake, not ours.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    Object dataIntegrity(DataIntegrityViolationException e, HttpServletRequest request, HttpServletResponse response) {
        if (e.getMostSpecificCause() instanceof SQLException sql
                && ("22021".equals(sql.getSQLState()) || "22P05".equals(sql.getSQLState()))) {
            return respond(request, HttpStatus.BAD_REQUEST, "The request " + MalformedRequests.NUL_MESSAGE);
        }
        return unexpected(e, request, response);
    }

    @ExceptionHandler(Exception.class)
    Object unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) {
        if (DisconnectedClientHelper.isClientDisconnectedException(e) || response.isCommitted()) {
            // the visitor went away mid-response: nobody to answer, nothing wrong on our side
            log.debug("Client went away during {} {}", request.getMethod(), request.getRequestURI());
            return null;
        }
        if (e instanceof ErrorResponse known && !known.getStatusCode().is5xxServerError()) {
            // Spring's own client errors (missing parameter, wrong type…) keep their status.
            return respond(
                    request,
                    known.getStatusCode(),
                    "That request could not be used: " + known.getBody().getDetail());
        }
        if (DatabaseUnavailable.isCause(e)) {
            return databaseUnavailable(e, request, response);
        }
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(
                request,
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side. It has been logged; please try again.");
    }

    Object respond(HttpServletRequest request, HttpStatusCode status, String message) {
        return respond(wantsJson(request), status, message, request);
    }

    Object respond(boolean json, HttpStatusCode status, String message, HttpServletRequest request) {
        if (json) {
            return ApiErrors.entity(ApiError.of(status.value(), message));
        }
        return pages.render(
                status.value(), TEMPLATE, new ErrorView(status.value(), titleFor(status), message), request);
    }

    /** The error page, which every HTML error (here, in filters, in security handlers) renders. */
    static final String TEMPLATE = "web/error.jte";

    /** Whether an error for this request is answered as JSON (the APIs, or a client asking for JSON only). */
    public static boolean wantsJson(HttpServletRequest request) {
        return wantsJson(request.getRequestURI(), request.getHeader("Accept"));
    }

    static boolean wantsJson(String path, String accept) {
        return path.startsWith("/api/")
                || path.startsWith("/admin/")
                || (accept != null && accept.contains("application/json") && !accept.contains("text/html"));
    }

    static String titleFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 404 -> "Page not found";
            case 400 -> "That request could not be used";
            case 403 -> "Not allowed";
            case 405 -> "Not allowed here";
            case 503 -> DatabaseUnavailable.TITLE;
            default -> status.is5xxServerError() ? "Something went wrong" : "That did not work";
        };
    }

    /** What the error page shows. */
    public record ErrorView(int status, String title, String message) {}
}
