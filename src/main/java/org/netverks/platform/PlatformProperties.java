package org.netverks.platform;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL clusters' settings, bound from {@code netverks.*} (environment:
 * {@code NETVERKS_DATA_DIR}, {@code NETVERKS_EMBEDDED_RESTART_DELAY}). Checked at start-up by
 * {@link PlatformPropertiesValidator}.
 *
 * @param dataDir               where the embedded clusters (platform and sandboxes) keep their data and passwords
 * @param embeddedRestartDelay  an embedded cluster that died is started again this long after its death is noticed
 *                              (then twice as long after each failed attempt, at most 30 s)
 */
@ConfigurationProperties("netverks")
public record PlatformProperties(
        @DefaultValue("./data") Path dataDir, @DefaultValue("1s") Duration embeddedRestartDelay) {}
