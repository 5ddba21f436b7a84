package org.netverks.lab.psql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Backslash command lines are split the way psql's slash-command lexer splits them. */
class MetaCommandLineTest {

    @Test
    void nameRunsToTheFirstSpaceAndArgumentsAreSeparatedBySpaces() {
        MetaCommandLine line = MetaCommandLine.parse("  \\dt+   reporting.*   extra ");

        assertThat(line.name()).isEqualTo("dt+");
        assertThat(line.arguments()).containsExactly("reporting.*", "extra");
        assertThat(line.followedByCommand()).isFalse();
    }

    @Test
    void singleQuotesAreRemovedAndTheirEscapesApplied() {
        assertThat(MetaCommandLine.parse("\\d 'cust'omers").arguments()).containsExactly("customers");
        assertThat(MetaCommandLine.parse("\\d 'it''s here'").arguments()).containsExactly("it's here");
        assertThat(MetaCommandLine.parse("\\d 'a\\tb\\x41\\101\\q'").arguments())
                .containsExactly("a\tbAAq");
    }

    @Test
    void doubleQuotesStayBecausePatternsGiveThemMeaning() {
        assertThat(MetaCommandLine.parse("\\d \"Mixed Case\"").arguments()).containsExactly("\"Mixed Case\"");
        assertThat(MetaCommandLine.parse("\\d public.\"A\"\"B\"x").arguments()).containsExactly("public.\"A\"\"B\"x");
    }

    @Test
    void anUnterminatedQuoteIsPsqlsError() {
        assertThatThrownBy(() -> MetaCommandLine.parse("\\d x'; drop table customers; --"))
                .isInstanceOf(MetaCommandException.class)
                .hasMessage("unterminated quoted string");
        assertThatThrownBy(() -> MetaCommandLine.parse("\\d \"Customers"))
                .isInstanceOf(MetaCommandException.class)
                .hasMessage("unterminated quoted string");
    }

    @Test
    void backquotesWouldRunAShellCommandSoTheyAreRefused() {
        assertThatThrownBy(() -> MetaCommandLine.parse("\\d `rm -rf /`"))
                .isInstanceOf(MetaCommandException.class)
                .hasMessage("Backquoted shell commands are not supported in the lab.");
    }

    @Test
    void anUnquotedBackslashStartsAnotherCommand() {
        MetaCommandLine line = MetaCommandLine.parse("\\dt customers \\x");

        assertThat(line.arguments()).containsExactly("customers");
        assertThat(line.followedByCommand()).isTrue();
        assertThat(MetaCommandLine.parse("\\d 'a\\\\b'").followedByCommand()).isFalse();
    }

    @Test
    void patternsLoseTrailingSemicolonsAndExtraArgumentsGetPsqlsWarning() {
        MetaCommandLine line = MetaCommandLine.parse("\\dt orders;; more");

        assertThat(line.pattern(0)).contains("orders");
        assertThat(line.argument(0)).contains("orders;;");
        assertThat(line.pattern(2)).isEmpty();
        assertThat(line.extraArgumentWarnings(1)).containsExactly("\\dt: extra argument \"more\" ignored");
    }
}
