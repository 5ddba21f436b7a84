package org.netverks.learner;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** What a valid e-mail address, display name and password are; each problem is worded for the field it belongs to. */
final class AccountRules {

    static final int MIN_PASSWORD = 10;
    static final int MAX_PASSWORD = 128;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s.]{2,}");
    private static final Set<String> COMMON = Set.of(
            "password12",
            "password123",
            "1234567890",
            "12345678910",
            "qwertyuiop",
            "qwerty1234",
            "iloveyou12",
            "letmein123",
            "postgresql",
            "postgres123",
            "welcome123",
            "abcdefghij",
            "0987654321",
            "1111111111",
            "passw0rd12",
            "administrator");

    private AccountRules() {}

    static Map<String, String> signUpProblems(String email, String displayName, String password) {
        Map<String, String> problems = new LinkedHashMap<>();
        emailProblem(email).ifPresent(problem -> problems.put("email", problem));
        if (displayName == null || displayName.isBlank()) {
            problems.put("displayName", "Choose a name to show beside your posts.");
        } else if (displayName.strip().length() > 60) {
            problems.put("displayName", "A name can have at most 60 characters.");
        } else if (displayName.chars().anyMatch(Character::isISOControl)) {
            problems.put("displayName", "A name cannot contain control characters.");
        }
        passwordProblem(password, email).ifPresent(problem -> problems.put("password", problem));
        return problems;
    }

    static java.util.Optional<String> emailProblem(String email) {
        if (email == null || email.isBlank()) {
            return java.util.Optional.of("Enter your e-mail address.");
        }
        if (email.strip().length() > 254 || !EMAIL.matcher(email.strip()).matches()) {
            return java.util.Optional.of("This is not an e-mail address like name@example.org.");
        }
        return java.util.Optional.empty();
    }

    static java.util.Optional<String> passwordProblem(String password, String email) {
        if (password == null || password.length() < MIN_PASSWORD) {
            return java.util.Optional.of(
                    "Use at least " + MIN_PASSWORD + " characters; a few words make a good password.");
        }
        if (password.length() > MAX_PASSWORD) {
            return java.util.Optional.of("Use at most " + MAX_PASSWORD + " characters.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower)
                || password.chars().distinct().count() < 4
                || (email != null && lower.equals(email.strip().toLowerCase(Locale.ROOT)))) {
            return java.util.Optional.of("This password is too easy to guess: choose another.");
        }
        return java.util.Optional.empty();
    }
}
