package org.netverks.learner;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.netverks.web.LocalPaths;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signing up (an account is made when the address is confirmed), changing a password, deleting an
 * account; moderators come from configuration and need a confirmed address.
 */
@Service
class AccountService {

    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final Moderators moderators;
    private final EmailVerifications verifications;
    private final List<AccountData> otherData;

    AccountService(
            AccountRepository accounts,
            PasswordEncoder encoder,
            Moderators moderators,
            EmailVerifications verifications,
            List<AccountData> otherData) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.moderators = moderators;
        this.verifications = verifications;
        this.otherData = otherData;
    }

    /**
     * A valid sign-up sends a message to the address and answers the same whether or not it has an
     * account (the password is hashed either way, so not even the time differs much); the
     * problems of an invalid one, by field.
     */
    Map<String, String> signUp(String email, String displayName, String password, String continueTo) {
        Map<String, String> problems = AccountRules.signUpProblems(email, displayName, password);
        if (problems.isEmpty()) {
            verifications.signUp(
                    email.strip(), displayName.strip(), encoder.encode(password), LocalPaths.orElse(continueTo, ""));
        }
        return problems;
    }

    /** What came of using a confirmation link. */
    sealed interface Confirmation {
        record Confirmed(Account account, String continueTo) implements Confirmation {}

        /** The link was a sign-up's, but the address got an account meanwhile (another sign-up's link). */
        record Taken(String email) implements Confirmation {}

        record Unusable(EmailVerifications.TokenState state) implements Confirmation {}
    }

    /** Uses the link: makes the account of a sign-up, or confirms an account's address (with moderator rights if configured). */
    @Transactional
    Confirmation confirm(String token) {
        Optional<EmailVerifications.Used> used = verifications.use(token);
        if (used.isEmpty()) {
            return new Confirmation.Unusable(verifications.state(token));
        }
        EmailVerifications.Used link = used.get();
        boolean moderator = moderators.includes(link.email());
        if (link.accountId() == null) {
            return accounts.createConfirmed(link.email(), link.displayName(), link.passwordHash(), moderator)
                    .<Confirmation>map(account -> new Confirmation.Confirmed(account, link.continueTo()))
                    .orElseGet(() -> new Confirmation.Taken(link.email()));
        }
        accounts.markVerified(link.accountId(), moderator);
        return accounts.byId(link.accountId())
                .<Confirmation>map(account -> new Confirmation.Confirmed(account, link.continueTo()))
                .orElseGet(() -> new Confirmation.Unusable(EmailVerifications.TokenState.UNKNOWN));
    }

    /** A new confirmation link for the account's address; empty when sent, else how long to wait. */
    Optional<Duration> resendConfirmation(Account account) {
        return verifications.resend(account);
    }

    /** Empty when done; otherwise the problem, by field. */
    Map<String, String> changePassword(
            UUID accountId, String email, String current, String chosen, String keepSession) {
        String hash = accounts.passwordHash(email).orElseThrow();
        if (current == null || !encoder.matches(current, hash)) {
            return Map.of("current", "This is not your current password.");
        }
        Optional<String> problem = AccountRules.passwordProblem(chosen, email);
        if (problem.isPresent()) {
            return Map.of("password", problem.get());
        }
        accounts.setPassword(accountId, encoder.encode(chosen));
        accounts.endSessions(email, keepSession);
        return Map.of();
    }

    boolean passwordMatches(String email, String password) {
        return password != null
                && accounts.passwordHash(email)
                        .map(hash -> encoder.matches(password, hash))
                        .orElse(false);
    }

    /** The account, its progress and cards (by cascade), and what other features keep for it. */
    @Transactional
    void delete(UUID accountId, String email) {
        otherData.forEach(data -> data.erase(accountId));
        accounts.endSessions(email, null);
        accounts.delete(accountId);
    }

    /** What other features keep for the account, by their export key. */
    Map<String, Object> otherData(UUID accountId) {
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        otherData.forEach(part -> data.put(part.exportKey(), part.export(accountId)));
        return data;
    }

    Optional<Account> account(UUID id) {
        return accounts.byId(id);
    }

    @EventListener(ApplicationReadyEvent.class)
    void applyConfiguredModerators() {
        accounts.setModerators(moderators.addresses());
    }
}
