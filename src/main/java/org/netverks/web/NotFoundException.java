package org.netverks.web;

/** Something a URL names does not exist; the message is shown to the visitor as it is. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
