package org.netverks.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

/** The one JSON error shape: status and error always, the optional parts only when given. */
class ApiErrorsTest {

    @Test
    void writesStatusAndErrorAndLeavesOutWhatDoesNotApply() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.setHeader("Retry-After", "5");
        ApiErrors.write(response, ApiError.of(503, "Say \"why\" \\ here…"));
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).startsWith("application/json");
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getContentAsString())
                .isEqualTo("{\"status\":503,\"error\":\"Say \\\"why\\\" \\\\ here…\"}");
    }

    @Test
    void namesTheLimitTheFieldOrTheProblemsWhenThereAreSome() throws Exception {
        assertThat(written(ApiError.limit(413, "Too big.", "request size limit")))
                .isEqualTo("{\"status\":413,\"error\":\"Too big.\",\"limit\":\"request size limit\"}");
        assertThat(written(ApiError.field(400, "Too long.", "title")))
                .isEqualTo("{\"status\":400,\"error\":\"Too long.\",\"field\":\"title\"}");
        assertThat(written(ApiError.problems(422, "Problems.", List.of("a", "b"))))
                .isEqualTo("{\"status\":422,\"error\":\"Problems.\",\"problems\":[\"a\",\"b\"]}");
    }

    @Test
    void handlersGetTheSameRecordWithItsStatus() {
        var entity = ApiErrors.entity(ApiError.of(409, "Busy."), 30);
        assertThat(entity.getStatusCode().value()).isEqualTo(409);
        assertThat(entity.getHeaders().getFirst("Retry-After")).isEqualTo("30");
        assertThat(entity.getBody()).isEqualTo(ApiError.of(409, "Busy."));
    }

    private static String written(ApiError error) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        ApiErrors.write(response, error);
        return response.getContentAsString();
    }
}
