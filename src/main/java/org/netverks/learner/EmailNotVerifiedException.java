package org.netverks.learner;

import org.netverks.web.Refusal;
import org.netverks.web.RefusedException;

/**
 * The signed-in learner's e-mail address is not confirmed, and what they tried needs it (posting in
 * the discussion). {@code web.ErrorResponses} answers it with a 403 page that says so and offers
 * to send the link again ({@code learner/unverified.jte}), or JSON for a script.
 */
public class EmailNotVerifiedException extends RefusedException {

    public EmailNotVerifiedException() {
        super(new Refusal(
                Refusal.Kind.NOT_VERIFIED,
                "Confirm your e-mail address first: posting in the discussions needs a confirmed address. "
                        + "Use the link we sent you, or send it again."));
    }

    @Override
    public String pageTemplate() {
        return "learner/unverified.jte";
    }
}
