package org.netverks.learner;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.netverks.web.RenderedPages;
import org.netverks.web.Viewers;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The learner's own pages: the dashboard and today's card reviews. */
@Controller
class DashboardController {

    private final DashboardService dashboards;
    private final RenderedPages pages;

    DashboardController(DashboardService dashboards, RenderedPages pages) {
        this.dashboards = dashboards;
        this.pages = pages;
    }

    @GetMapping("/me")
    ResponseEntity<byte[]> me(@AuthenticationPrincipal LearnerPrincipal learner, HttpServletRequest request) {
        return pages.once(
                200,
                "learner/me.jte",
                Map.of(
                        "viewer",
                        Viewers.of(request),
                        "dashboard",
                        dashboards.dashboard(learner.accountId()),
                        "welcome",
                        request.getParameter("welcome") != null));
    }

    @GetMapping("/me/cards")
    ResponseEntity<byte[]> cards(@AuthenticationPrincipal LearnerPrincipal learner, HttpServletRequest request) {
        return pages.once(
                200,
                "learner/cards.jte",
                Map.of("viewer", Viewers.of(request), "cards", dashboards.dueCards(learner.accountId())));
    }
}
