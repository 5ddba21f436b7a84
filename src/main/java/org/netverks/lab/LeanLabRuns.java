package org.netverks.lab;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.netverks.lab.sandbox.SandboxUnavailableException;
import org.netverks.web.ApiError;
import org.netverks.web.ApiErrors;
import org.netverks.web.BadRequestException;
import org.netverks.web.CsrfHeaderCheck;
import org.netverks.web.ErrorResponses;
import org.netverks.web.NotFoundException;
import org.netverks.web.SecurityHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.session.web.http.CookieSerializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The lean path of a lab run: {@code POST /api/lab/{track}/{lesson}/run} answered before the HTTP
 * session is read and before Spring Security's filter chain and Spring MVC, the way a bare query
 * servlet would, when the request carries everything that proves who sends it:
 * <ul>
 *   <li>a valid lab pass ({@link LabPasses}) for the session cookie it came with, which names the
 *       learner and their settings without a platform-database read;</li>
 *   <li>the CSRF header the filter chain would demand ({@link CsrfHeaderCheck});</li>
 *   <li>a JSON body.</li>
 * </ul>
 * Anything else (no pass yet, an expired one, a missing CSRF header, another method or path) goes
 * on to the full path, which answers it as every other API does and hands out a new pass. What
 * the answer carries is the same either way: the security headers of the filter chain
 * ({@link SecurityHeaders}), the same JSON, the same refusals ({@link LabErrors}). The filter runs
 * after the request-size, slow-body and malformed-request filters, whose limits hold here too.
 */
final class LeanLabRuns implements Filter {

    private static final Pattern RUN =
            Pattern.compile("/api/lab/([a-z0-9][a-z0-9-]{0,99})/([a-z0-9][a-z0-9-]{0,99})/run");

    private final LabService lab;
    private final LabPasses passes;
    private final LabSettings settings;
    private final LabErrors errors;
    private final SecurityHeaders headers;
    private final CookieSerializer sessionCookies;
    private final JsonMapper json;

    LeanLabRuns(
            LabService lab,
            LabPasses passes,
            LabSettings settings,
            LabErrors errors,
            SecurityHeaders headers,
            CookieSerializer sessionCookies,
            JsonMapper json) {
        this.lab = lab;
        this.passes = passes;
        this.settings = settings;
        this.errors = errors;
        this.headers = headers;
        this.sessionCookies = sessionCookies;
        this.json = json;
    }

    /** A learner whose request proved who they are: their session and the settings their pass names. */
    private record Runner(String sessionId, String learnerKey, LabSettings.Version settings) {}

    /** Whether the request is a lab run (whichever path answers it). */
    static boolean isRun(HttpServletRequest request) {
        return runMatcher(request) != null;
    }

    /** The track and lesson of a lab run (groups 1 and 2), or null for any other request. */
    private static Matcher runMatcher(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod())) {
            return null;
        }
        Matcher run = RUN.matcher(request.getRequestURI());
        return run.matches() ? run : null;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        Matcher run = runMatcher(request);
        Runner runner = run != null && isJson(request) && CsrfHeaderCheck.passes(request) ? runner(request) : null;
        if (runner == null) {
            chain.doFilter(request, response);
            return;
        }
        headers.write(request, response);
        try {
            answer(request, response, run.group(1), run.group(2), runner);
        } catch (LabRefusal | SandboxUnavailableException | SQLException e) {
            write(response, errors.answer(e));
        } catch (NotFoundException e) {
            write(response, ResponseEntity.status(404).body(ApiError.of(404, e.getMessage())));
        } catch (BadRequestException e) {
            write(response, ResponseEntity.status(400).body(ApiError.of(400, e.getMessage())));
        }
    }

    private void answer(
            HttpServletRequest request, HttpServletResponse response, String track, String lesson, Runner runner)
            throws IOException, SQLException {
        LabController.RunRequest body;
        try {
            body = json.readValue(request.getInputStream(), LabController.RunRequest.class);
        } catch (JacksonException e) {
            throw new BadRequestException(ErrorResponses.UNREADABLE_BODY);
        }
        if (body == null || body.sql() == null) {
            throw new BadRequestException(LabController.RunRequest.SHAPE);
        }
        LabService.RunResponse result = lab.runScript(
                track,
                lesson,
                body.sql(),
                body.session(),
                new LabService.Visitor(
                        runner.learnerKey(),
                        request.getRemoteAddr(),
                        runner.settings().settings()));
        if (!result.settings().equals(runner.settings().settings())) {
            Optional<String> stamp = settings.remember(runner.learnerKey(), runner.sessionId(), result.settings());
            if (stamp.isPresent()) {
                passes.give(request, response, runner.sessionId(), runner.learnerKey(), stamp.get());
            }
        }
        response.setStatus(200);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        try (OutputStream out = response.getOutputStream()) {
            json.writeValue(out, result);
        }
    }

    /** The learner, when the request carries a valid pass for one of its session cookies and that session lives. */
    private Runner runner(HttpServletRequest request) {
        String pass = cookie(request, LabPasses.COOKIE);
        if (pass == null) {
            return null;
        }
        for (String sessionId : sessionCookies.readCookieValues(request)) {
            Optional<LabPasses.Pass> valid = passes.verify(pass, sessionId);
            if (valid.isPresent()) {
                String learner = valid.get().learnerKey();
                return settings.of(learner, valid.get().settingsStamp(), sessionId)
                        .map(version -> new Runner(sessionId, learner, version))
                        .orElse(null);
            }
        }
        return null;
    }

    private static boolean isJson(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.regionMatches(true, 0, MediaType.APPLICATION_JSON_VALUE, 0, 16);
    }

    private static String cookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (name.equals(cookie.getName())) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }

    private static void write(HttpServletResponse response, ResponseEntity<ApiError> error) throws IOException {
        error.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        ApiErrors.write(response, error.getBody());
    }
}
