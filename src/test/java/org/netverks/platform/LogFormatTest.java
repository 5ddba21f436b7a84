package org.netverks.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** NETVERKS_LOG_FORMAT: text by default, json (or one of Boot's names) switches Boot's structured logging on. */
class LogFormatTest {

    @Test
    void textIsPlainAndJsonIsTheElasticCommonSchema() {
        assertThat(consoleFormat(Map.of())).isNull();
        assertThat(consoleFormat(Map.of("netverks.log-format", "text"))).isNull();
        assertThat(consoleFormat(Map.of("netverks.log-format", "JSON"))).isEqualTo("ecs");
        assertThat(consoleFormat(Map.of("netverks.log-format", "logstash"))).isEqualTo("logstash");
    }

    @Test
    void bootsOwnSettingWins() {
        assertThat(consoleFormat(
                        Map.of("netverks.log-format", "json", "logging.structured.format.console", "logstash")))
                .isEqualTo("logstash");
    }

    @Test
    void anUnknownFormatIsRefusedNamingTheSettingAndItsValues() {
        assertThatThrownBy(() -> consoleFormat(Map.of("netverks.log-format", "xml")))
                .isInstanceOf(LogFormat.InvalidLogFormat.class)
                .hasMessageContaining("NETVERKS_LOG_FORMAT")
                .hasMessageContaining("'xml'")
                .hasMessageContaining("text")
                .hasMessageContaining("json");
        var analysis = new LogFormat.InvalidLogFormatAnalyzer().analyze(new LogFormat.InvalidLogFormat("xml"));
        assertThat(analysis.getAction()).contains("NETVERKS_LOG_FORMAT");
    }

    private static String consoleFormat(Map<String, Object> settings) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", settings));
        new LogFormat().postProcessEnvironment(environment, null);
        return environment.getProperty("logging.structured.format.console");
    }
}
