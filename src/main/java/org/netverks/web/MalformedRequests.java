package org.netverks.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requests that no page or API could use are answered here, before anything else reads them:
 * a Content-Type that is not a concrete media type (415), a query string or form that is not
 * valid UTF-8, has a broken {@code %} escape, too many fields or too large a body (400/413, as the
 * container judged it), and any field holding a NUL character, which PostgreSQL text cannot store
 * (400). Reading the parameters here, once, means no later filter or controller meets the
 * container's parse error as an exception, and none of these is logged as our failure.
 *
 * <p>Runs after the character-encoding filter, so parameters are decoded as UTF-8.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class MalformedRequests extends OncePerRequestFilter {

    static final String NUL_MESSAGE = "contains a NUL character (\\u0000), which text on this site cannot hold.";

    private final RenderedPages pages;

    MalformedRequests(RenderedPages pages) {
        this.pages = pages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String problem = contentTypeProblem(request.getContentType());
        int status = 415;
        if (problem == null) {
            status = 400;
            try {
                problem = nulProblem(request.getParameterMap());
            } catch (InvalidParameterException e) {
                status = e.getErrorCode() == 413 ? 413 : 400;
                problem = status == 413
                        ? "The form is larger than this site accepts (2 MB)."
                        : "The address or form could not be read: it has a broken % escape, text that is not UTF-8, "
                                + "or more fields than any form here sends.";
            }
        }
        if (problem == null) {
            chain.doFilter(request, response);
            return;
        }
        respond(request, response, status, problem);
    }

    private static String contentTypeProblem(String contentType) {
        if (contentType == null) {
            return null;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            if (type.isWildcardType() || type.isWildcardSubtype()) {
                return "The Content-Type '" + shorten(contentType) + "' is a pattern, not a type: send the body as "
                        + "application/json (the APIs) or as a form.";
            }
            return null;
        } catch (InvalidMediaTypeException e) {
            return "The Content-Type '" + shorten(contentType) + "' could not be read: send the body as "
                    + "application/json (the APIs) or as a form.";
        }
    }

    private static String nulProblem(Map<String, String[]> parameters) {
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            if (parameter.getKey().indexOf('\0') >= 0) {
                return "A field name " + NUL_MESSAGE;
            }
            for (String value : parameter.getValue()) {
                if (value.indexOf('\0') >= 0) {
                    return "The field '" + shorten(parameter.getKey()) + "' " + NUL_MESSAGE;
                }
            }
        }
        return null;
    }

    /** The error page, or the JSON message under /api/ and /admin/, written straight to the response. */
    void respond(HttpServletRequest request, HttpServletResponse response, int status, String message)
            throws IOException {
        if (ErrorResponses.wantsJson(request)) {
            ApiErrors.write(response, ApiError.of(status, message));
            return;
        }
        pages.write(
                status,
                ErrorResponses.TEMPLATE,
                new ErrorResponses.ErrorView(status, "That request could not be used", message),
                request,
                response);
    }

    private static String shorten(String text) {
        String printable = text.replaceAll("[\\p{Cntrl}]", "?");
        return printable.length() > 60 ? printable.substring(0, 60) + "…" : printable;
    }
}
