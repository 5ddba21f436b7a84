package org.netverks.learner;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.netverks.web.LocalPaths;
import org.netverks.web.Redirects;
import org.netverks.web.RenderedPages;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The link in a confirmation message: a page that says which address it confirms, and a button
 * that confirms it and signs in. A page first, because mail scanners open links by themselves;
 * only the learner's click uses it.
 */
@Controller
class EmailConfirmationController {

    private final AccountService accounts;
    private final EmailVerifications verifications;
    private final SignIn signIn;
    private final RenderedPages pages;

    EmailConfirmationController(
            AccountService accounts, EmailVerifications verifications, SignIn signIn, RenderedPages pages) {
        this.accounts = accounts;
        this.verifications = verifications;
        this.signIn = signIn;
        this.pages = pages;
    }

    @GetMapping("/confirm/{token}")
    ResponseEntity<byte[]> confirmPage(@PathVariable String token, HttpServletRequest request) {
        return verifications
                .waiting(token)
                .map(waiting -> page(200, token, waiting.email(), waiting.displayName(), null, request))
                .orElseGet(() -> unusable(verifications.state(token), request));
    }

    @PostMapping("/confirm/{token}")
    ResponseEntity<byte[]> confirm(
            @PathVariable String token, HttpServletRequest request, HttpServletResponse response) {
        AccountService.Confirmation confirmation = accounts.confirm(token);
        if (confirmation instanceof AccountService.Confirmation.Confirmed confirmed) {
            signIn.signIn(confirmed.account(), request, response);
            return Redirects.seeOther(LocalPaths.orElse(confirmed.continueTo(), "/me?welcome"));
        }
        if (confirmation instanceof AccountService.Confirmation.Taken taken) {
            return page(
                    409,
                    "",
                    taken.email(),
                    "",
                    "There is already an account with the address " + taken.email()
                            + " (another sign-up's link made it). Log in, or reset its password if you do not know it.",
                    request);
        }
        return unusable(((AccountService.Confirmation.Unusable) confirmation).state(), request);
    }

    /** 410 for a link that was good once (used or expired), 404 for one that never was. */
    private ResponseEntity<byte[]> unusable(EmailVerifications.TokenState state, HttpServletRequest request) {
        String error =
                switch (state) {
                    case USED -> "This link has already been used: the address is confirmed. Log in to continue.";
                    case EXPIRED ->
                        "This link has expired (links work for " + EmailVerifications.VALID_FOR.toHours()
                                + " hours). Sign up again, or log in and ask for a new link on your account page.";
                    default -> "This link is not valid. Copy the whole link from the message, or sign up again.";
                };
        return page(state == EmailVerifications.TokenState.UNKNOWN ? 404 : 410, "", "", "", error, request);
    }

    private ResponseEntity<byte[]> page(
            int status, String token, String email, String displayName, String error, HttpServletRequest request) {
        return pages.render(status, "learner/confirm.jte", new ConfirmPage(token, email, displayName, error), request);
    }
}
