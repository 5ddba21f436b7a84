package org.netverks.lab.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The settings live in the HTTP session (stored as Java serialization by Spring Session JDBC). */
class DisplaySettingsTest {

    /** {@code new DisplaySettings(true, true)} as serialized by the lab before \pset and \set (two components). */
    private static final String STORED_BEFORE_PSET =
            "rO0ABXNyACdvcmcubmV0dmVya3MubGFiLnNoYXJlZC5EaXNwbGF5U2V0dGluZ3MAAAAAAAAAAAIAAloACGV4cGFuZGVkWgAGdGltaW5neHABAQ==";

    @Test
    void aValueStoredByTheOlderVersionReadsWithTheNewSettingsAtTheirDefaults() throws Exception {
        DisplaySettings stored = (DisplaySettings) read(Base64.getDecoder().decode(STORED_BEFORE_PSET));

        assertThat(stored.expanded()).isTrue();
        assertThat(stored.timing()).isTrue();
        assertThat(stored.print()).isEqualTo(PrintOptions.DEFAULT);
        assertThat(stored.variables()).isEmpty();
    }

    @Test
    void printOptionsAndVariablesSurviveTheSession() throws Exception {
        DisplaySettings settings = DisplaySettings.DEFAULT
                .withPrint(PrintOptions.DEFAULT.withBorder(2).withNullDisplay("(null)"))
                .withVariables(Map.of("b", "2", "a", "1"));

        DisplaySettings read = (DisplaySettings) read(write(settings));

        assertThat(read).isEqualTo(settings);
        assertThat(read.variables().keySet()).containsExactly("a", "b");
        assertThat(read.defaultLayout()).isFalse();
        assertThat(DisplaySettings.DEFAULT.defaultLayout()).isTrue();
    }

    private static byte[] write(Object value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    private static Object read(byte[] bytes) throws Exception {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        }
    }
}
