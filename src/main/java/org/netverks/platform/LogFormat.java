package org.netverks.platform;

import java.util.Locale;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code NETVERKS_LOG_FORMAT} ({@code netverks.log-format}): {@code text}, the default, writes the
 * console log as plain lines; {@code json} switches on Spring Boot's structured logging in the
 * Elastic Common Schema, one JSON object a line, with the request id of {@code web.RequestIds} as
 * {@code request_id}; {@code ecs}, {@code logstash} and {@code gelf} name Boot's formats directly.
 * Runs before logging starts (an environment post-processor), so the first line is already JSON;
 * Boot's own {@code logging.structured.format.console}, when set, wins.
 */
public final class LogFormat implements EnvironmentPostProcessor {

    static final String PROPERTY = "netverks.log-format";
    private static final String BOOT_PROPERTY = "logging.structured.format.console";
    private static final Map<String, String> FORMATS =
            Map.of("text", "", "json", "ecs", "ecs", "ecs", "logstash", "logstash", "gelf", "gelf");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String format = bootFormat(environment.getProperty(PROPERTY, "text"));
        if (!format.isEmpty() && !environment.containsProperty(BOOT_PROPERTY)) {
            environment.getPropertySources().addLast(new MapPropertySource(PROPERTY, Map.of(BOOT_PROPERTY, format)));
        }
    }

    /** Boot's structured format for a value of the setting ("" for plain text). */
    static String bootFormat(String setting) {
        String format = FORMATS.get(setting.trim().toLowerCase(Locale.ROOT));
        if (format == null) {
            throw new InvalidLogFormat(setting);
        }
        return format;
    }

    /** A value of {@code NETVERKS_LOG_FORMAT} that is no format. */
    static final class InvalidLogFormat extends RuntimeException {
        InvalidLogFormat(String setting) {
            super("NETVERKS_LOG_FORMAT (netverks.log-format) is '" + setting + "'; it may be text (the default: plain"
                    + " lines) or json (one JSON object a line, Elastic Common Schema), or one of Spring Boot's"
                    + " formats ecs, logstash, gelf.");
        }
    }

    /** Says what is wrong with the setting, without a stack trace. */
    static final class InvalidLogFormatAnalyzer extends AbstractFailureAnalyzer<InvalidLogFormat> {
        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, InvalidLogFormat cause) {
            return new FailureAnalysis(
                    cause.getMessage(), "Set NETVERKS_LOG_FORMAT to text or json, or leave it unset.", cause);
        }
    }
}
