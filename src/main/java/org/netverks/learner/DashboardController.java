package org.netverks.learner;

import jakarta.servlet.http.HttpServletRequest;
import org.netverks.web.NotFoundException;
import org.netverks.web.RenderedPages;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The learner's own pages: the dashboard and card reviews (due today, ahead of time, or all). */
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
    ResponseEntity<byte[]> cards(
            @AuthenticationPrincipal LearnerPrincipal learner,
            @RequestParam(name = "view", required = false) String viewName,
            HttpServletRequest request) {
        CardsPage.View view = CardsPage.View.named(viewName)
                .orElseThrow(() -> new NotFoundException("There is no card view '"
                        + (viewName.length() > 20 ? viewName.substring(0, 20) + "…" : viewName)
                        + "': the views are due (the default), ahead and all."));
        return pages.render(
                200, "learner/cards.jte", new CardsPage(dashboards.cards(learner.accountId(), view), view), request);
    }
}
