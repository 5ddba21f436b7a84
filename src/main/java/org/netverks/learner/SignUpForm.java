package org.netverks.learner;

import java.util.Map;

/** The sign-up form: what was typed (never the password), each problem beside its field, where to go after. */
public record SignUpForm(String email, String displayName, Map<String, String> errors, String continueTo) {

    public SignUpForm {
        email = email == null ? "" : email;
        displayName = displayName == null ? "" : displayName;
        errors = Map.copyOf(errors);
    }
}
