package org.netverks.lab.psql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Patterns become the regular expressions psql -E shows psql sending for them. */
class NamePatternTest {

    private static NamePattern relation(String pattern) {
        return NamePattern.parse(pattern, true, "practice");
    }

    @Test
    void wildcardsAndCaseFolding() {
        assertThat(relation("cust*").nameRegex()).isEqualTo("^(cust.*)$");
        assertThat(relation("order?items").nameRegex()).isEqualTo("^(order.items)$");
        assertThat(relation("CUSTOMERS").nameRegex()).isEqualTo("^(customers)$");
        assertThat(relation("cust*").schemaRegex()).isNull();
    }

    @Test
    void doubleQuotesKeepCaseAndMakeEverythingLiteral() {
        assertThat(relation("\"Mixed Case\"").nameRegex()).isEqualTo("^(Mixed Case)$");
        assertThat(relation("\"a.b*\"").nameRegex()).isEqualTo("^(a\\.b\\*)$");
        assertThat(relation("\"say \"\"hi\"\"\"").nameRegex()).isEqualTo("^(say \"hi\")$");
    }

    @Test
    void dollarSignsAndArrayBracketsAreAlwaysLiteralOtherRegexSyntaxPassesThrough() {
        assertThat(relation("a$b").nameRegex()).isEqualTo("^(a\\$b)$");
        assertThat(relation("int[]").nameRegex()).isEqualTo("^(int\\[])$");
        assertThat(relation("(customers|orders)").nameRegex()).isEqualTo("^((customers|orders))$");
    }

    @Test
    void dotsSeparateDatabaseSchemaAndName() {
        NamePattern qualified = relation("Reporting.daily*");
        assertThat(qualified.schemaRegex()).isEqualTo("^(reporting)$");
        assertThat(qualified.nameRegex()).isEqualTo("^(daily.*)$");

        NamePattern threeParts = relation("practice.public.customers");
        assertThat(threeParts.schemaRegex()).isEqualTo("^(public)$");
        assertThat(threeParts.nameRegex()).isEqualTo("^(customers)$");
    }

    @Test
    void psqlsErrorsForTooManyDotsAndOtherDatabases() {
        assertThatThrownBy(() -> relation("a.b.c.d"))
                .hasMessage("improper qualified name (too many dotted names): a.b.c.d");
        assertThatThrownBy(() -> relation("other.public.customers"))
                .hasMessage("cross-database references are not implemented: other.public.customers");
        // \dn names stand alone, so psql treats any dot as naming another database
        assertThatThrownBy(() -> NamePattern.parse("practice.public", false, "practice"))
                .hasMessage("cross-database references are not implemented: practice.public");
        // roles and databases belong to no database, so psql takes no dot in their names at all
        assertThatThrownBy(() -> NamePattern.parseShared("practice.learner"))
                .hasMessage("improper qualified name (too many dotted names): practice.learner");
        assertThat(NamePattern.parseShared("\"lr.x\"").nameRegex()).isEqualTo("^(lr\\.x)$");
    }
}
