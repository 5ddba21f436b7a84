package org.netverks.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which incoming X-Request-Id is kept: short and plain ones; anything else gets a new id. */
class RequestIdsTest {

    @Test
    void keepsAShortPlainIdAndReplacesAnythingElse() {
        assertThat(RequestIds.idFor("3f2a9c1e-7b44-4d0e-9a7c-1b2c3d4e5f60"))
                .isEqualTo("3f2a9c1e-7b44-4d0e-9a7c-1b2c3d4e5f60");
        assertThat(RequestIds.idFor("Root=1-5759e988-bd862e3fe1be46a994272793")).matches("[0-9a-f]{16}");
        assertThat(RequestIds.idFor("x".repeat(64))).isEqualTo("x".repeat(64));
        assertThat(RequestIds.idFor("x".repeat(65))).matches("[0-9a-f]{16}");
        assertThat(RequestIds.idFor("line\nbreak")).matches("[0-9a-f]{16}");
        assertThat(RequestIds.idFor("")).matches("[0-9a-f]{16}");
        assertThat(RequestIds.idFor(null)).matches("[0-9a-f]{16}");
    }
}
