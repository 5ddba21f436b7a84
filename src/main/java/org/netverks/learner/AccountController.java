package org.netverks.learner;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.netverks.web.RenderedPages;
import org.netverks.web.Viewers;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Sign-up, the log-in page (Spring Security checks the form itself), and the account page:
 * change password, export my data, delete my account. A form with problems comes back with each
 * problem beside its field, what was typed kept (never a password), and a status that says why.
 */
@Controller
class AccountController {

    private final AccountService accounts;
    private final ProgressService progress;
    private final RenderedPages pages;

    AccountController(AccountService accounts, ProgressService progress, RenderedPages pages) {
        this.accounts = accounts;
        this.progress = progress;
        this.pages = pages;
    }

    @GetMapping("/signup")
    ResponseEntity<byte[]> signUpPage(
            @RequestParam(name = "continue", required = false) String continueTo,
            CsrfToken csrf,
            HttpServletRequest request) {
        if (Viewers.of(request) != null) {
            return redirect("/me");
        }
        return signUpForm(200, "", "", Map.of(), continueTo, csrf);
    }

    /**
     * A valid sign-up answers "check your inbox" whether or not the address has an account (the
     * message says which); the learner is signed in once they use the link in it.
     */
    @PostMapping("/signup")
    ResponseEntity<byte[]> signUp(
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String displayName,
            @RequestParam(required = false) String password,
            @RequestParam(name = "continue", required = false) String continueTo,
            CsrfToken csrf) {
        Map<String, String> problems = accounts.signUp(email, displayName, password, continueTo);
        if (!problems.isEmpty()) {
            return signUpForm(400, email, displayName, problems, continueTo, csrf);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("email", email.strip());
        model.put("hours", EmailVerifications.VALID_FOR.toHours());
        return pages.once(200, "learner/signup-sent.jte", model);
    }

    private ResponseEntity<byte[]> signUpForm(
            int status,
            String email,
            String displayName,
            Map<String, String> errors,
            String continueTo,
            CsrfToken csrf) {
        Map<String, Object> model = new HashMap<>();
        model.put("email", email == null ? "" : email);
        model.put("displayName", displayName == null ? "" : displayName);
        model.put("errors", errors);
        model.put("continueTo", ContinueTo.safe(continueTo, ""));
        model.put("csrf", csrf.getToken());
        return pages.once(status, "learner/signup.jte", model);
    }

    @GetMapping("/login")
    ResponseEntity<byte[]> logInPage(
            @RequestParam(name = "continue", required = false) String continueTo,
            CsrfToken csrf,
            HttpServletRequest request) {
        if (Viewers.of(request) != null) {
            return redirect(ContinueTo.safe(continueTo, "/me"));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("email", "");
        model.put("error", null);
        model.put("continueTo", ContinueTo.safe(continueTo, ""));
        model.put("csrf", csrf.getToken());
        return pages.once(200, "learner/login.jte", model);
    }

    @GetMapping("/account")
    ResponseEntity<byte[]> accountPage(
            @AuthenticationPrincipal LearnerPrincipal learner,
            HttpServletRequest request,
            @RequestParam(name = "changed", required = false) String changed,
            @RequestParam(name = "confirmation-sent", required = false) String confirmationSent) {
        String message = changed != null
                ? "Your password is changed. Other devices where you were logged in have " + "been logged out."
                : confirmationSent != null
                        ? "A new confirmation link is on its way to " + learner.email() + ". It works once, for "
                                + EmailVerifications.VALID_FOR.toHours() + " hours."
                        : null;
        return accountForm(200, learner, request, Map.of(), message);
    }

    /** "Send the link again" for a signed-in learner whose address is not confirmed (a few an hour). */
    @PostMapping("/account/confirmation")
    ResponseEntity<byte[]> resendConfirmation(
            @AuthenticationPrincipal LearnerPrincipal learner, HttpServletRequest request) {
        Account account = accounts.account(learner.accountId()).orElseThrow();
        if (account.verified()) {
            return accountForm(200, learner, request, Map.of(), "Your e-mail address is already confirmed.");
        }
        Optional<Duration> wait = accounts.resendConfirmation(account);
        if (wait.isPresent()) {
            long minutes = Math.max(1, (wait.get().toSeconds() + 59) / 60);
            return accountForm(
                    429,
                    learner,
                    request,
                    Map.of(
                            "confirmation",
                            "At most "
                                    + EmailVerifications.MAILS_PER_HOUR + " messages an hour go to one address: wait "
                                    + minutes
                                    + (minutes == 1 ? " minute" : " minutes")
                                    + ", then ask again, or use the last link you got."),
                    null);
        }
        return redirect("/account?confirmation-sent");
    }

    @PostMapping("/account/password")
    ResponseEntity<byte[]> changePassword(
            @AuthenticationPrincipal LearnerPrincipal learner,
            @RequestParam(required = false) String current,
            @RequestParam(required = false) String password,
            HttpServletRequest request) {
        Map<String, String> problems = accounts.changePassword(
                learner.accountId(),
                learner.email(),
                current,
                password,
                request.getSession().getId());
        if (!problems.isEmpty()) {
            return accountForm(problems.containsKey("current") ? 403 : 400, learner, request, problems, null);
        }
        return redirect("/account?changed");
    }

    /** Everything the platform keeps about the learner, as one JSON file. */
    @GetMapping("/account/export")
    ResponseEntity<AccountExport> export(@AuthenticationPrincipal LearnerPrincipal learner) {
        AccountExport data = new AccountExport(
                accounts.account(learner.accountId()).orElseThrow(),
                progress.load(learner.accountId()),
                progress.schedules(learner.accountId()),
                accounts.otherData(learner.accountId()));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"learn-netverks-my-data.json\"")
                .contentType(MediaType.APPLICATION_JSON)
                .body(data);
    }

    @PostMapping("/account/delete")
    ResponseEntity<byte[]> delete(
            @AuthenticationPrincipal LearnerPrincipal learner,
            @RequestParam(required = false) String password,
            HttpServletRequest request) {
        if (!accounts.passwordMatches(learner.email(), password)) {
            return accountForm(
                    403,
                    learner,
                    request,
                    Map.of("deletePassword", "This is not your password; " + "your account is not deleted."),
                    null);
        }
        accounts.delete(learner.accountId(), learner.email());
        request.getSession().invalidate();
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
        return redirect("/?account-deleted");
    }

    private ResponseEntity<byte[]> accountForm(
            int status,
            LearnerPrincipal learner,
            HttpServletRequest request,
            Map<String, String> errors,
            String message) {
        Map<String, Object> model = new HashMap<>();
        model.put("viewer", Viewers.of(request));
        model.put("account", accounts.account(learner.accountId()).orElseThrow());
        model.put("errors", errors);
        model.put("message", message);
        return pages.once(status, "learner/account.jte", model);
    }

    private static ResponseEntity<byte[]> redirect(String location) {
        return ResponseEntity.status(303).header(HttpHeaders.LOCATION, location).build();
    }
}
