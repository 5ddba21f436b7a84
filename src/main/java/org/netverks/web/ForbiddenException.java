package org.netverks.web;

/** The visitor is known but may not do this (someone else's post, say); shown as a 403 with the message. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
