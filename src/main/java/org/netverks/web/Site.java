package org.netverks.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** What every page's layout needs to know about the site itself. */
@Component
public class Site {

    private final String name;

    Site(@Value("${netverks.site-name}") String name) {
        this.name = name.isBlank() ? "Learn Netverks" : name.strip();
    }

    public String name() {
        return name;
    }
}
