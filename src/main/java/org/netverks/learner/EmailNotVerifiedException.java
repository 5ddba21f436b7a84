package org.netverks.learner;

/**
 * The signed-in learner's e-mail address is not confirmed, and what they tried needs it (posting in
 * the discussion). Answered with a 403 page that says so and offers to send the link again
 * ({@link UnverifiedAddressResponses}).
 */
public class EmailNotVerifiedException extends RuntimeException {

    public EmailNotVerifiedException() {
        super("Confirm your e-mail address first: posting in the discussions needs a confirmed address. "
                + "Use the link we sent you, or send it again.");
    }
}
