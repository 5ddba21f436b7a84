package org.netverks.learner;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.netverks.web.RenderedPages;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "Forgot your password?": ask for a link, then choose a new password through it. */
@Controller
class PasswordResetController {

    private final PasswordResets resets;
    private final SignIn signIn;
    private final RenderedPages pages;

    PasswordResetController(PasswordResets resets, SignIn signIn, RenderedPages pages) {
        this.resets = resets;
        this.signIn = signIn;
        this.pages = pages;
    }

    @GetMapping("/reset")
    ResponseEntity<byte[]> requestPage(CsrfToken csrf) {
        return requestForm(200, "", null, null, csrf);
    }

    @PostMapping("/reset")
    ResponseEntity<byte[]> request(@RequestParam(required = false) String email, CsrfToken csrf) {
        Optional<String> problem = AccountRules.emailProblem(email);
        if (problem.isPresent()) {
            return requestForm(400, email == null ? "" : email, problem.get(), null, csrf);
        }
        resets.request(email);
        return requestForm(
                200,
                email,
                null,
                "If an account has the address " + email.strip() + ", a link to choose a "
                        + "new password is on its way. It works once, for " + PasswordResets.VALID_FOR.toMinutes()
                        + " minutes.",
                csrf);
    }

    private ResponseEntity<byte[]> requestForm(int status, String email, String error, String sent, CsrfToken csrf) {
        Map<String, Object> model = new HashMap<>();
        model.put("email", email);
        model.put("error", error);
        model.put("sent", sent);
        model.put("csrf", csrf.getToken());
        return pages.once(status, "learner/reset-request.jte", model);
    }

    @GetMapping("/reset/{token}")
    ResponseEntity<byte[]> choosePage(@PathVariable String token, CsrfToken csrf) {
        PasswordResets.TokenState state = resets.state(token);
        return state == PasswordResets.TokenState.VALID ? chooseForm(200, token, null, csrf) : unusable(state, csrf);
    }

    @PostMapping("/reset/{token}")
    ResponseEntity<byte[]> choose(
            @PathVariable String token,
            @RequestParam(required = false) String password,
            CsrfToken csrf,
            HttpServletRequest request,
            HttpServletResponse response) {
        PasswordResets.TokenState state = resets.state(token);
        if (state != PasswordResets.TokenState.VALID) {
            return unusable(state, csrf);
        }
        Optional<String> problem = AccountRules.passwordProblem(password, null);
        if (problem.isPresent()) {
            return chooseForm(400, token, problem.get(), csrf);
        }
        Optional<Account> account = resets.reset(token, password);
        if (account.isEmpty()) {
            return unusable(resets.state(token), csrf);
        }
        signIn.signIn(account.get(), request, response);
        return ResponseEntity.status(303).header(HttpHeaders.LOCATION, "/me").build();
    }

    private ResponseEntity<byte[]> chooseForm(int status, String token, String error, CsrfToken csrf) {
        Map<String, Object> model = new HashMap<>();
        model.put("token", token);
        model.put("error", error);
        model.put("csrf", csrf.getToken());
        return pages.once(status, "learner/reset.jte", model);
    }

    /** 410 for a link that was good once (used or expired), 404 for one that never was. */
    private ResponseEntity<byte[]> unusable(PasswordResets.TokenState state, CsrfToken csrf) {
        String error =
                switch (state) {
                    case USED -> "This link has already been used. Ask for a new one below.";
                    case EXPIRED ->
                        "This link has expired (links work for " + PasswordResets.VALID_FOR.toMinutes()
                                + " minutes). Ask for a new one below.";
                    default -> "This link is not valid. Ask for a new one below.";
                };
        Map<String, Object> model = new HashMap<>();
        model.put("email", "");
        model.put("error", error);
        model.put("sent", null);
        model.put("csrf", csrf.getToken());
        return pages.once(state == PasswordResets.TokenState.UNKNOWN ? 404 : 410, "learner/reset-request.jte", model);
    }
}
