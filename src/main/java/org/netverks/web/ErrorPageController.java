package org.netverks.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Errors that happen outside our controllers (the container's 404s, a filter's 403) arrive here;
 * they get the same page or JSON message as the rest, never Spring's default error page.
 */
@Controller
class ErrorPageController implements ErrorController {

    /** A request attribute with the message for the page, set by whoever sent the error. */
    static final String MESSAGE = "netverks.error.message";

    private final ErrorResponses responses;

    ErrorPageController(ErrorResponses responses) {
        this.responses = responses;
    }

    @RequestMapping("/error")
    Object error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) {
            // someone typed /error: there is no page here, and nothing went wrong
            return responses.respond(request, HttpStatus.NOT_FOUND, "There is no page at this address.");
        }
        HttpStatusCode status = HttpStatusCode.valueOf(code instanceof Integer value ? value : 500);
        String original = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        boolean json = ErrorResponses.wantsJson(
                original != null ? original : request.getRequestURI(), request.getHeader("Accept"));
        String message = request.getAttribute(MESSAGE) instanceof String given
                ? given
                : switch (status.value()) {
                    case 404 -> "There is no page at this address.";
                    case 403 -> "You are not allowed to do that.";
                    case 405 -> "This address does not accept that kind of request.";
                    default ->
                        status.is5xxServerError()
                                ? "Something went wrong on our side. Please try again."
                                : HttpStatus.resolve(status.value()) != null
                                        ? HttpStatus.resolve(status.value()).getReasonPhrase()
                                        : "That request could not be used.";
                };
        return responses.respond(json, status, message, request);
    }
}
