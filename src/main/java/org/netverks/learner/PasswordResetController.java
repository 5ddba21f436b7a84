package org.netverks.learner;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.netverks.web.Redirects;
import org.netverks.web.RenderedPages;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "Forgot your password?": ask for a link, then choose a new password through it. */
@Controller
class PasswordResetController {

    private static final String REQUEST = "learner/reset-request.jte";
    private static final String CHOOSE = "learner/reset.jte";

    private final PasswordResets resets;
    private final SignIn signIn;
    private final RenderedPages pages;

    PasswordResetController(PasswordResets resets, SignIn signIn, RenderedPages pages) {
        this.resets = resets;
        this.signIn = signIn;
        this.pages = pages;
    }

    @GetMapping("/reset")
    ResponseEntity<byte[]> requestPage(HttpServletRequest request) {
        return pages.render(200, REQUEST, new ResetRequestForm("", null, null), request);
    }

    @PostMapping("/reset")
    ResponseEntity<byte[]> request(@RequestParam(required = false) String email, HttpServletRequest request) {
        Optional<String> problem = AccountRules.emailProblem(email);
        if (problem.isPresent()) {
            return pages.render(
                    400, REQUEST, new ResetRequestForm(email == null ? "" : email, problem.get(), null), request);
        }
        resets.request(email);
        String sent = "If an account has the address " + email.strip() + ", a link to choose a "
                + "new password is on its way. It works once, for " + PasswordResets.VALID_FOR.toMinutes()
                + " minutes.";
        return pages.render(200, REQUEST, new ResetRequestForm(email, null, sent), request);
    }

    @GetMapping("/reset/{token}")
    ResponseEntity<byte[]> choosePage(@PathVariable String token, HttpServletRequest request) {
        PasswordResets.TokenState state = resets.state(token);
        return state == PasswordResets.TokenState.VALID
                ? pages.render(200, CHOOSE, new ResetForm(token, null), request)
                : unusable(state, request);
    }

    @PostMapping("/reset/{token}")
    ResponseEntity<byte[]> choose(
            @PathVariable String token,
            @RequestParam(required = false) String password,
            HttpServletRequest request,
            HttpServletResponse response) {
        PasswordResets.TokenState state = resets.state(token);
        if (state != PasswordResets.TokenState.VALID) {
            return unusable(state, request);
        }
        Optional<String> problem = AccountRules.passwordProblem(password, null);
        if (problem.isPresent()) {
            return pages.render(400, CHOOSE, new ResetForm(token, problem.get()), request);
        }
        Optional<Account> account = resets.reset(token, password);
        if (account.isEmpty()) {
            return unusable(resets.state(token), request);
        }
        signIn.signIn(account.get(), request, response);
        return Redirects.seeOther("/me");
    }

    /** 410 for a link that was good once (used or expired), 404 for one that never was. */
    private ResponseEntity<byte[]> unusable(PasswordResets.TokenState state, HttpServletRequest request) {
        String error =
                switch (state) {
                    case USED -> "This link has already been used. Ask for a new one below.";
                    case EXPIRED ->
                        "This link has expired (links work for " + PasswordResets.VALID_FOR.toMinutes()
                                + " minutes). Ask for a new one below.";
                    default -> "This link is not valid. Ask for a new one below.";
                };
        int status = state == PasswordResets.TokenState.UNKNOWN ? 404 : 410;
        return pages.render(status, REQUEST, new ResetRequestForm("", error, null), request);
    }
}
