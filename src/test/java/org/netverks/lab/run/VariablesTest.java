package org.netverks.lab.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** psql's rules for :name, :'name' and :"name" in SQL text. */
class VariablesTest {

    private static final Map<String, String> VARIABLES = Map.of(
            "n", "42",
            "greeting", "it's",
            "path", "C:\\temp",
            "col", "my \"odd\" column",
            "list", "1, 2, 3");

    private static String interpolate(String sql) throws Variables.TooLong {
        return Variables.interpolate(sql, VARIABLES);
    }

    @Test
    void aNameGivesTheValueAsItIs() throws Variables.TooLong {
        assertThat(interpolate("select :n, x in (:list)")).isEqualTo("select 42, x in (1, 2, 3)");
        assertThat(interpolate("select :n+1")).isEqualTo("select 42+1");
    }

    @Test
    void quotedNamesGiveALiteralOrAnIdentifierQuotedAsPsqlQuotesThem() throws Variables.TooLong {
        assertThat(interpolate("select :'greeting'")).isEqualTo("select 'it''s'");
        // PQescapeLiteral: backslashes doubled and an E string, with a space before it
        assertThat(interpolate("select :'path'")).isEqualTo("select  E'C:\\\\temp'");
        assertThat(interpolate("select 1 as :\"col\"")).isEqualTo("select 1 as \"my \"\"odd\"\" column\"");
    }

    @Test
    void nothingHappensInsideQuotesDollarQuotesAndComments() throws Variables.TooLong {
        String untouched = "select ':n', E'\\':n', \"a:n\", $$:n$$, $q$ :n $q$ -- :n\n /* :n /* :n */ */";
        assertThat(interpolate(untouched)).isEqualTo(untouched);
    }

    @Test
    void castsAndNamesWithoutAValueStayAsTheyAre() throws Variables.TooLong {
        assertThat(interpolate("select 1::text, '1'::int, :nope, :'nope', :\"nope\", a[1:2]"))
                .isEqualTo("select 1::text, '1'::int, :nope, :'nope', :\"nope\", a[1:2]");
        assertThat(interpolate("select :'n'::int, : n, :")).isEqualTo("select '42'::int, : n, :");
    }

    @Test
    void withoutVariablesTheTextIsUnchanged() throws Variables.TooLong {
        assertThat(Variables.interpolate("select :n", Map.of())).isEqualTo("select :n");
    }

    @Test
    void aStatementMayNotGrowPastTheInterpolationLimit() {
        Map<String, String> big = Map.of("v", "x".repeat(60 * 1024));
        String manyUses = "select " + ":v || ".repeat(20) + "''";

        assertThatThrownBy(() -> Variables.interpolate(manyUses, big))
                .isInstanceOf(Variables.TooLong.class)
                .hasMessageContaining("longer than 1 MB")
                .hasMessageContaining("(interpolation limit)");
    }
}
