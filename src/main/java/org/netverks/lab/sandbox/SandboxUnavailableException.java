package org.netverks.lab.sandbox;

import java.time.Duration;

/** No sandbox can be had right now; the message tells the learner why and when to try again. */
public class SandboxUnavailableException extends RuntimeException {

    /**
     * Whether the whole lab is full (503), this client made too many (429), the server failed a
     * task (503) or cannot be reached at all (503).
     */
    public enum Reason {
        AT_CAPACITY,
        TOO_MANY_CREATIONS,
        SERVER_ERROR,
        SERVER_DOWN
    }

    private final Reason reason;
    private final Duration retryAfter;

    public SandboxUnavailableException(Reason reason, Duration retryAfter, String message) {
        super(message);
        this.reason = reason;
        this.retryAfter = retryAfter;
    }

    public Reason reason() {
        return reason;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
