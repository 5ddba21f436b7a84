package org.netverks.learner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which failed log-ins count as the same client's. */
class LoginThrottleTest {

    @Test
    void anIPv4AddressIsItsOwnClient() {
        assertThat(LoginThrottle.clientKey("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(LoginThrottle.clientKey("203.0.113.8")).isNotEqualTo(LoginThrottle.clientKey("203.0.113.7"));
    }

    @Test
    void ipv6AddressesOfOneSubscribersNetworkAreOneClient() {
        assertThat(LoginThrottle.clientKey("2001:db8:1:2:aaaa::1"))
                .isEqualTo(LoginThrottle.clientKey("2001:db8:1:2:ffff:1:2:3"))
                .isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(LoginThrottle.clientKey("2001:db8:1:3::1")).isNotEqualTo(LoginThrottle.clientKey("2001:db8:1:2::1"));
    }

    @Test
    void noAddressIsOneUnknownClient() {
        assertThat(LoginThrottle.clientKey(null)).isEqualTo("unknown");
        assertThat(LoginThrottle.clientKey("")).isEqualTo("unknown");
    }
}
