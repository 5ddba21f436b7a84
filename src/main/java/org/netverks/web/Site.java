package org.netverks.web;

import org.springframework.stereotype.Component;

/** What every page's layout needs to know about the site itself. */
@Component
public class Site {

    private final String name;

    Site(WebProperties properties) {
        String name = properties.siteName();
        this.name = name == null || name.isBlank() ? "Learn Netverks" : name.strip();
    }

    public String name() {
        return name;
    }
}
