package org.netverks.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What every page and request shares, bound from {@code netverks.*} (environment:
 * {@code NETVERKS_SITE_NAME}, {@code NETVERKS_BODY_TIMEOUT}). Checked at start-up by
 * {@link WebPropertiesValidator}.
 *
 * @param siteName the name in the header and page titles (blank: "Learn Netverks")
 * @param web      limits on requests
 */
@ConfigurationProperties("netverks")
record WebProperties(@DefaultValue("Learn Netverks") String siteName, @DefaultValue Web web) {

    /**
     * @param bodyTimeout a request body must arrive whole within this time, or the request gets 408
     *                    ({@code netverks.web.body-timeout})
     */
    record Web(@DefaultValue("10s") Duration bodyTimeout) {}
}
