package org.netverks.web;

/**
 * A request the platform understood and will not carry out, by kind, with words for the person
 * and, where a limit stopped it, the limit's name. Features decide the kind; the HTTP status of
 * each kind is decided here alone ({@link #status()}), whether the refusal is thrown
 * ({@link RefusedException}, answered by {@link ErrorResponses}) or returned to re-render a form.
 */
public record Refusal(Kind kind, String message, String limit) {

    public enum Kind {
        /** Posting or asking faster than a rate limit allows. */
        TOO_FAST,
        /** The account is blocked from this by a moderator. */
        BLOCKED,
        /** The request carries more than a limit allows. */
        TOO_LARGE,
        /** The account's e-mail address is not confirmed, and this needs it. */
        NOT_VERIFIED
    }

    public Refusal(Kind kind, String message) {
        this(kind, message, null);
    }

    /** The one table from kind to HTTP status. */
    public int status() {
        return switch (kind) {
            case TOO_FAST -> 429;
            case BLOCKED, NOT_VERIFIED -> 403;
            case TOO_LARGE -> 413;
        };
    }
}
