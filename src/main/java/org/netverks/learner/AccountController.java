package org.netverks.learner;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Map;
import org.netverks.web.RenderedPages;
import org.netverks.web.Viewers;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.stereotype.Controller;

/**
 * Sign-up, the log-in page (Spring Security checks the form itself), and the account page:
 * change password, export my data, delete my account. A form with problems comes back with each
 * problem beside its field, what was typed kept (never a password), and a status that says why.
 */
@Controller
class AccountController {

    private final AccountService accounts;
    private final ProgressService progress;
    private final SignIn signIn;
    private final RenderedPages pages;

    AccountController(AccountService accounts, ProgressService progress, SignIn signIn, RenderedPages pages) {
        this.accounts = accounts;
        this.progress = progress;
        this.signIn = signIn;
        this.pages = pages;
    }

    @GetMapping("/signup")
    ResponseEntity<byte[]> signUpPage(@RequestParam(name = "continue", required = false) String continueTo,
            CsrfToken csrf, HttpServletRequest request) {
        if (Viewers.of(request) != null) {
            return redirect("/me");
        }
        return signUpForm(200, "", "", Map.of(), continueTo, csrf);
    }

    @PostMapping("/signup")
    ResponseEntity<byte[]> signUp(@RequestParam(required = false) String email,
            @RequestParam(required = false) String displayName, @RequestParam(required = false) String password,
            @RequestParam(name = "continue", required = false) String continueTo, CsrfToken csrf,
            HttpServletRequest request, HttpServletResponse response) {
        AccountService.SignUp outcome = accounts.signUp(email, displayName, password);
        if (outcome instanceof AccountService.SignUp.Invalid invalid) {
            return signUpForm(invalid.duplicate() ? 409 : 400, email, displayName, invalid.problems(), continueTo, csrf);
        }
        signIn.signIn(((AccountService.SignUp.Created) outcome).account(), request, response);
        return redirect(ContinueTo.safe(continueTo, "/me?welcome"));
    }

    private ResponseEntity<byte[]> signUpForm(int status, String email, String displayName, Map<String, String> errors,
            String continueTo, CsrfToken csrf) {
        Map<String, Object> model = new HashMap<>();
        model.put("email", email == null ? "" : email);
        model.put("displayName", displayName == null ? "" : displayName);
        model.put("errors", errors);
        model.put("continueTo", ContinueTo.safe(continueTo, ""));
        model.put("csrf", csrf.getToken());
        return pages.once(status, "learner/signup.jte", model);
    }

    @GetMapping("/login")
    ResponseEntity<byte[]> logInPage(@RequestParam(name = "continue", required = false) String continueTo,
            CsrfToken csrf, HttpServletRequest request) {
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
    ResponseEntity<byte[]> accountPage(@AuthenticationPrincipal LearnerPrincipal learner, HttpServletRequest request,
            @RequestParam(name = "changed", required = false) String changed) {
        return accountForm(200, learner, request, Map.of(), changed != null ? "Your password is changed. Other devices "
                + "where you were logged in have been logged out." : null);
    }

    @PostMapping("/account/password")
    ResponseEntity<byte[]> changePassword(@AuthenticationPrincipal LearnerPrincipal learner,
            @RequestParam(required = false) String current, @RequestParam(required = false) String password,
            HttpServletRequest request) {
        Map<String, String> problems = accounts.changePassword(learner.accountId(), learner.email(), current, password,
                request.getSession().getId());
        if (!problems.isEmpty()) {
            return accountForm(problems.containsKey("current") ? 403 : 400, learner, request, problems, null);
        }
        return redirect("/account?changed");
    }

    /** Everything the platform keeps about the learner, as one JSON file. */
    @GetMapping("/account/export")
    ResponseEntity<Map<String, Object>> export(@AuthenticationPrincipal LearnerPrincipal learner) {
        Account account = accounts.account(learner.accountId()).orElseThrow();
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("exportedAt", java.time.Instant.now().toString());
        data.put("account", Map.of("email", account.email(), "displayName", account.displayName(),
                "createdAt", account.createdAt().toString(), "moderator", account.moderator()));
        data.put("progress", progress.load(learner.accountId()));
        data.put("cardSchedule", progress.schedules(learner.accountId()));
        data.putAll(accounts.otherData(learner.accountId()));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"learn-netverks-my-data.json\"")
                .contentType(MediaType.APPLICATION_JSON).body(data);
    }

    @PostMapping("/account/delete")
    ResponseEntity<byte[]> delete(@AuthenticationPrincipal LearnerPrincipal learner,
            @RequestParam(required = false) String password, HttpServletRequest request) {
        if (!accounts.passwordMatches(learner.email(), password)) {
            return accountForm(403, learner, request, Map.of("deletePassword", "This is not your password; "
                    + "your account is not deleted."), null);
        }
        accounts.delete(learner.accountId(), learner.email());
        request.getSession().invalidate();
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
        return redirect("/?account-deleted");
    }

    private ResponseEntity<byte[]> accountForm(int status, LearnerPrincipal learner, HttpServletRequest request,
            Map<String, String> errors, String message) {
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
