package org.netverks.learner;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Signing up, changing a password, deleting an account; moderators come from configuration. */
@Service
class AccountService {

    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final List<String> moderators;
    private final List<AccountData> otherData;

    AccountService(AccountRepository accounts, PasswordEncoder encoder,
            @Value("${netverks.moderators:}") List<String> moderators, List<AccountData> otherData) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.otherData = otherData;
        this.moderators = moderators.stream().map(String::strip).filter(email -> !email.isEmpty())
                .map(String::toLowerCase).toList();
    }

    sealed interface SignUp {
        record Created(Account account) implements SignUp {
        }

        record Invalid(Map<String, String> problems, boolean duplicate) implements SignUp {
        }
    }

    SignUp signUp(String email, String displayName, String password) {
        Map<String, String> problems = AccountRules.signUpProblems(email, displayName, password);
        if (!problems.isEmpty()) {
            return new SignUp.Invalid(problems, false);
        }
        String address = email.strip();
        return accounts.create(address, displayName.strip(), encoder.encode(password),
                        moderators.contains(address.toLowerCase()))
                .<SignUp>map(SignUp.Created::new)
                .orElseGet(() -> new SignUp.Invalid(Map.of("email", "There is already an account with this e-mail "
                        + "address. Log in, or reset its password if you forgot it."), true));
    }

    /** Empty when done; otherwise the problem, by field. */
    Map<String, String> changePassword(UUID accountId, String email, String current, String chosen, String keepSession) {
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
        return password != null && accounts.passwordHash(email).map(hash -> encoder.matches(password, hash)).orElse(false);
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
        accounts.setModerators(moderators);
    }
}
