package org.netverks.learner;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.netverks.web.LocalPaths;
import org.netverks.web.Redirects;
import org.netverks.web.RenderedPages;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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

    /** Also rendered by {@link AccountSecurityRules} when a log-in fails. */
    static final String LOG_IN = "learner/login.jte";

    private static final String SIGN_UP = "learner/signup.jte";

    private final AccountService accounts;
    private final ProgressService progress;
    private final WorkspaceService workspaces;
    private final RenderedPages pages;

    AccountController(
            AccountService accounts, ProgressService progress, WorkspaceService workspaces, RenderedPages pages) {
        this.accounts = accounts;
        this.progress = progress;
        this.workspaces = workspaces;
        this.pages = pages;
    }

    @GetMapping("/signup")
    ResponseEntity<byte[]> signUpPage(
            @RequestParam(name = "continue", required = false) String continueTo,
            Optional<CurrentLearner> viewer,
            HttpServletRequest request) {
        if (viewer.isPresent()) {
            return Redirects.seeOther("/me");
        }
        return pages.render(200, SIGN_UP, signUpForm("", "", Map.of(), continueTo), request);
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
            HttpServletRequest request) {
        Map<String, String> problems = accounts.signUp(email, displayName, password, continueTo);
        if (!problems.isEmpty()) {
            return pages.render(400, SIGN_UP, signUpForm(email, displayName, problems, continueTo), request);
        }
        SignUpSent sent = new SignUpSent(email.strip(), EmailVerifications.VALID_FOR.toHours());
        return pages.render(200, "learner/signup-sent.jte", sent, request);
    }

    private static SignUpForm signUpForm(
            String email, String displayName, Map<String, String> errors, String continueTo) {
        return new SignUpForm(email, displayName, errors, LocalPaths.orElse(continueTo, ""));
    }

    @GetMapping("/login")
    ResponseEntity<byte[]> logInPage(
            @RequestParam(name = "continue", required = false) String continueTo,
            Optional<CurrentLearner> viewer,
            HttpServletRequest request) {
        if (viewer.isPresent()) {
            return Redirects.seeOther(LocalPaths.orElse(continueTo, "/me"));
        }
        LogInForm form = new LogInForm("", null, LocalPaths.orElse(continueTo, ""));
        return pages.render(200, LOG_IN, form, request);
    }

    @GetMapping("/signed-out")
    ResponseEntity<byte[]> signedOutPage(Optional<CurrentLearner> viewer, HttpServletRequest request) {
        if (viewer.isPresent()) {
            return Redirects.seeOther("/me"); // still (or again) logged in: saying otherwise would be false
        }
        return pages.render(200, "learner/signed-out.jte", new SignedOut(), request);
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
        return Redirects.seeOther("/account?confirmation-sent");
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
        return Redirects.seeOther("/account?changed");
    }

    /** Everything the platform keeps about the learner, as one JSON file. */
    @GetMapping("/account/export")
    ResponseEntity<AccountExport> export(@AuthenticationPrincipal LearnerPrincipal learner) {
        AccountExport data = new AccountExport(
                accounts.account(learner.accountId()).orElseThrow(),
                progress.load(learner.accountId()),
                progress.schedules(learner.accountId()),
                workspaces.export(learner.accountId()),
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
        return Redirects.seeOther("/?account-deleted");
    }

    private ResponseEntity<byte[]> accountForm(
            int status,
            LearnerPrincipal learner,
            HttpServletRequest request,
            Map<String, String> errors,
            String message) {
        AccountPage page = new AccountPage(accounts.account(learner.accountId()).orElseThrow(), errors, message);
        return pages.render(status, "learner/account.jte", page, request);
    }
}
