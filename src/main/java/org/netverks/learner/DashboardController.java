package org.netverks.learner;

import jakarta.servlet.http.HttpServletRequest;
import org.netverks.web.RenderedPages;
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
        DashboardPage page =
                new DashboardPage(dashboards.dashboard(learner.accountId()), request.getParameter("welcome") != null);
        return pages.render(200, "learner/me.jte", page, request);
    }

    @GetMapping("/me/cards")
    ResponseEntity<byte[]> cards(@AuthenticationPrincipal LearnerPrincipal learner, HttpServletRequest request) {
        return pages.render(200, "learner/cards.jte", new CardsPage(dashboards.dueCards(learner.accountId())), request);
    }
}
