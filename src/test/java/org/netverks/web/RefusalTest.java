package org.netverks.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one table from a refusal's kind to its HTTP status, and the one check of a path to go back to. */
class RefusalTest {

    @Test
    void eachKindOfRefusalHasItsStatus() {
        assertThat(new Refusal(Refusal.Kind.TOO_FAST, "slow down").status()).isEqualTo(429);
        assertThat(new Refusal(Refusal.Kind.BLOCKED, "blocked").status()).isEqualTo(403);
        assertThat(new Refusal(Refusal.Kind.NOT_VERIFIED, "confirm first").status())
                .isEqualTo(403);
        assertThat(new Refusal(Refusal.Kind.TOO_LARGE, "too much", "lessons").status())
                .isEqualTo(413);
    }

    @Test
    void onlyAPathOnThisSiteIsAPlaceToGoBackTo() {
        assertThat(LocalPaths.orElse("/tracks/sql/joins#post-3", "/")).isEqualTo("/tracks/sql/joins#post-3");
        assertThat(LocalPaths.orElse("//evil.example", "/")).isEqualTo("/");
        assertThat(LocalPaths.orElse("/\\evil.example", "/")).isEqualTo("/");
        assertThat(LocalPaths.orElse("https://evil.example", "/me")).isEqualTo("/me");
        assertThat(LocalPaths.orElse("/ok\r\nSet-Cookie: x", "/")).isEqualTo("/");
        assertThat(LocalPaths.orElse("", "/me")).isEqualTo("/me");
        assertThat(LocalPaths.orElse(null, "/me")).isEqualTo("/me");
    }
}
