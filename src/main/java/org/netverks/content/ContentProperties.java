package org.netverks.content;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the tracks come from, bound from {@code netverks.*} (environment: {@code NETVERKS_CONTENT_DIR},
 * {@code NETVERKS_CONTENT_RELOAD}). Checked at start-up by {@link ContentPropertiesValidator}.
 *
 * @param contentDir the content folder to serve (empty: the content bundled with the app)
 * @param content    the content admin endpoint
 */
@ConfigurationProperties("netverks")
record ContentProperties(@DefaultValue("") String contentDir, @DefaultValue Content content) {

    /**
     * @param reloadEnabled {@code POST /admin/content/reload} re-reads the content folder, from localhost only
     *                      ({@code netverks.content.reload-enabled})
     */
    record Content(@DefaultValue("true") boolean reloadEnabled) {}
}
