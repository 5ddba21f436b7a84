package org.netverks.content;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import org.netverks.web.ApiError;
import org.netverks.web.ApiErrors;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lets an author reload the content folder without a restart. Only from the machine the app runs
 * on, and only while enabled (NETVERKS_CONTENT_RELOAD=false turns it off in production).
 */
@RestController
class ContentAdminController {

    private final ContentCatalog catalog;
    private final boolean enabled;

    ContentAdminController(ContentCatalog catalog, ContentProperties properties) {
        this.catalog = catalog;
        this.enabled = properties.content().reloadEnabled();
    }

    @PostMapping("/admin/content/reload")
    ResponseEntity<?> reload(HttpServletRequest request) throws UnknownHostException {
        if (!enabled || !InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress()) {
            return ApiErrors.entity(
                    ApiError.of(403, "Content reload is only allowed from the server itself, and only when enabled."));
        }
        try {
            Catalog loaded = catalog.reload();
            return ResponseEntity.ok(Map.of(
                    "status",
                    200,
                    "tracks",
                    loaded.tracks().size(),
                    "lessons",
                    loaded.lessonCount(),
                    "origin",
                    loaded.origin()));
        } catch (InvalidContentException e) {
            return ApiErrors.entity(ApiError.problems(
                    422,
                    "The content has problems; the previous content is still being served.",
                    e.problems().stream().map(ContentProblem::toString).toList()));
        }
    }
}
