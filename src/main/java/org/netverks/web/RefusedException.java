package org.netverks.web;

/**
 * A {@link Refusal} thrown: {@link ErrorResponses} answers it with the kind's status, as JSON
 * ({@code limit} named) under /api, else as a page. A feature whose refusal has a page of its own
 * names that template ({@link #pageTemplate()}); it gets the same {@code ErrorView} as the error page.
 */
public class RefusedException extends RuntimeException {

    private final Refusal refusal;

    public RefusedException(Refusal refusal) {
        super(refusal.message());
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }

    /** The page template that shows this refusal; {@code web/error.jte} unless a feature has its own. */
    public String pageTemplate() {
        return "web/error.jte";
    }
}
