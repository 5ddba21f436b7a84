package org.netverks.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The header links to sign-up and log-in on every page. Until accounts exist (the learner
 * feature), these pages say so honestly instead of answering 404.
 */
@Controller
class AccountPagesPlaceholder {

    @GetMapping({"/signup", "/login"})
    String comingSoon(Model model) {
        model.addAttribute("heading", "Accounts are coming soon");
        model.addAttribute("message", "Soon you will be able to sign up, log in and sync your progress across "
                + "devices. Until then everything you do is kept in this browser, and nothing is lost: it will be "
                + "merged into your account when you sign up.");
        return "web/placeholder";
    }
}
