package org.netverks.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/** Where to go next after a form: 303 See Other, so a reload does not post again. */
public final class Redirects {

    private Redirects() {}

    public static ResponseEntity<byte[]> seeOther(String location) {
        return ResponseEntity.status(303).header(HttpHeaders.LOCATION, location).build();
    }
}
