package org.netverks.learner;

/** The log-in form: the address typed (never the password), what went wrong, where to go after. */
public record LogInForm(String email, String error, String continueTo) {

    public LogInForm {
        email = email == null ? "" : email;
    }
}
