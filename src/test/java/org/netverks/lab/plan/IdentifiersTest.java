package org.netverks.lab.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Names are quoted in text plans exactly when PostgreSQL's quote_identifier() quotes them. */
class IdentifiersTest {

    @Test
    void plainLowerCaseNamesStayBare() {
        assertThat(Identifiers.quote("bookings")).isEqualTo("bookings");
        assertThat(Identifiers.quote("order_items_2024")).isEqualTo("order_items_2024");
        assertThat(Identifiers.quote("_x")).isEqualTo("_x");
        // unreserved keywords are fine as names
        assertThat(Identifiers.quote("name")).isEqualTo("name");
        assertThat(Identifiers.quote("data")).isEqualTo("data");
    }

    @Test
    void everythingElseIsQuoted() {
        assertThat(Identifiers.quote("Order Lines")).isEqualTo("\"Order Lines\"");
        assertThat(Identifiers.quote("Bookings")).isEqualTo("\"Bookings\"");
        assertThat(Identifiers.quote("*VALUES*")).isEqualTo("\"*VALUES*\"");
        assertThat(Identifiers.quote("2024")).isEqualTo("\"2024\"");
        assertThat(Identifiers.quote("café")).isEqualTo("\"café\"");
        assertThat(Identifiers.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    }

    @Test
    void reservedAndOtherNonUnreservedKeywordsAreQuoted() {
        assertThat(Identifiers.quote("select")).isEqualTo("\"select\"");
        assertThat(Identifiers.quote("user")).isEqualTo("\"user\"");
        assertThat(Identifiers.quote("left")).isEqualTo("\"left\"");
        assertThat(Identifiers.quote("integer")).isEqualTo("\"integer\"");
    }
}
