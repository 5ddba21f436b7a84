package org.netverks.web;

/** A request we understood but cannot accept; the message tells the sender what to change. */
public class BadRequestException extends RuntimeException {

    public BadRequestException(String message) {
        super(message);
    }
}
