package org.netverks.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The bundled PostgreSQL archive is found by name; what is not bundled is left to zonky. */
class BundledPostgresBinariesTest {

    /** Every .txz archive begins with the xz format's magic bytes. */
    private static final byte[] XZ_MAGIC = {(byte) 0xFD, '7', 'z', 'X', 'Z', 0};

    @Test
    void findsTheArchiveBundledForThisSystemByItsName() throws Exception {
        // the names zonky passes on the machines we build and run on: os "Linux", arch "x86_64"
        try (InputStream archive = BundledPostgresBinaries.INSTANCE.getPgBinary("Linux", "x86_64")) {
            assertThat(archive.readNBytes(XZ_MAGIC.length)).isEqualTo(XZ_MAGIC);
        }
    }

    @Test
    void leavesAnArchiveThatIsNotBundledToZonkysResolverAndItsMessage() {
        assertThatThrownBy(() -> BundledPostgresBinaries.INSTANCE.getPgBinary("Plan9", "mips"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Missing embedded postgres binaries");
    }
}
