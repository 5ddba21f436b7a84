package org.netverks.learner;

import java.util.Map;

/** The account page: the account, each form's problem by field, and a message after a change. */
public record AccountPage(Account account, Map<String, String> errors, String message) {

    public AccountPage {
        errors = Map.copyOf(errors);
    }
}
