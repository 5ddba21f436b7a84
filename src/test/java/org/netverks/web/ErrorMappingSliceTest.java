package org.netverks.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * How failures become responses ({@link ErrorResponses}): the status, and a JSON {@link ApiError}
 * under /api or an error page elsewhere, never a stack trace. A web slice: a stand-in controller
 * throws what real ones throw.
 */
@WebSliceTest(ErrorMappingSliceTest.Failing.class)
@Import(ErrorMappingSliceTest.Failing.class) // component scanning skips classes nested in tests
class ErrorMappingSliceTest {

    @Autowired
    MockMvc mvc;

    @Test
    void notFoundIsA404PageOrJson() throws Exception {
        mvc.perform(get("/failing/missing"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("Page not found")))
                .andExpect(content().string(containsString("No such thing.")));
        mvc.perform(get("/api/failing/missing"))
                .andExpect(status().isNotFound())
                .andExpect(content().json("{\"status\":404,\"error\":\"No such thing.\"}", true));
    }

    @Test
    void aBadRequestSaysWhy() throws Exception {
        mvc.perform(get("/api/failing/bad"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("Say it differently."));
    }

    @Test
    void aWrongPathValueNamesTheParameter() throws Exception {
        mvc.perform(get("/api/failing/number/abc"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("'abc' is not a valid id: it must be a whole number in range."));
    }

    @Test
    void unreadableJsonAndWrongMediaTypeAndMethod() throws Exception {
        mvc.perform(post("/api/failing/echo")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{not json")
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("The request body is not valid JSON of the expected shape."));
        mvc.perform(post("/api/failing/echo")
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("words")
                        .with(csrf()))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.error").value("Send the request body as application/json."));
        mvc.perform(post("/api/failing/bad").with(csrf()))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(jsonPath("$.error").value("This address does not accept POST."));
    }

    @Test
    void anUnreachableDatabaseIs503WithRetryAfter() throws Exception {
        mvc.perform(get("/api/failing/database"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS))
                .andExpect(jsonPath("$.error").value(DatabaseUnavailable.MESSAGE));
    }

    @Test
    void anUnexpectedFailureIs500WithoutAStackTrace() throws Exception {
        mvc.perform(get("/failing/bug"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().string(containsString("Something went wrong on our side")))
                .andExpect(content().string(not(containsString("IllegalStateException"))))
                .andExpect(content().string(not(containsString("at org."))));
    }

    @Test
    void aPostWithoutCsrfTokenIsRefusedSayingWhatToSend() throws Exception {
        mvc.perform(post("/api/failing/echo")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error", containsString("X-XSRF-TOKEN")));
    }

    /** The SPA convention SecurityConfiguration asks for: the cookie's value sent back in a header. */
    private static RequestPostProcessor csrf() {
        return request -> {
            request.setCookies(new Cookie("XSRF-TOKEN", "token"));
            request.addHeader("X-XSRF-TOKEN", "token");
            return request;
        };
    }

    /** Throws what the real controllers throw. */
    @RestController
    static class Failing {

        @GetMapping({"/failing/missing", "/api/failing/missing"})
        String missing() {
            throw new NotFoundException("No such thing.");
        }

        @GetMapping("/api/failing/bad")
        String bad() {
            throw new BadRequestException("Say it differently.");
        }

        @GetMapping("/api/failing/number/{id}")
        String number(@PathVariable long id) {
            return Long.toString(id);
        }

        @PostMapping("/api/failing/echo")
        String echo(@RequestBody java.util.Map<String, Object> body) {
            return body.toString();
        }

        @GetMapping("/api/failing/database")
        String database() {
            throw new DataAccessResourceFailureException("connection refused");
        }

        @GetMapping("/failing/bug")
        String bug() {
            throw new IllegalStateException("a bug");
        }
    }
}
