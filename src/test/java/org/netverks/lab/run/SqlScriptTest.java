package org.netverks.lab.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlScriptTest {

    private static List<String> texts(String script) {
        return SqlScript.split(script).stream().map(SqlScript.Piece::text).toList();
    }

    @Test
    void splitsOnSemicolonsKeepingOffsets() {
        List<SqlScript.Piece> pieces = SqlScript.split("select 1;\n  select 2;");
        assertThat(pieces)
                .containsExactly(
                        new SqlScript.Piece("select 1;", 0, false), new SqlScript.Piece("select 2;", 12, false));
    }

    @Test
    void theLinesAfterCopyFromStdinAreItsRowsUpToBackslashDot() {
        String script = "copy t from stdin;\n1\ta;b\n2\tc\n\\.\nselect 1;\nCOPY u FROM STDIN (format csv);\n3,d\n";
        assertThat(SqlScript.split(script))
                .containsExactly(
                        new SqlScript.Piece("copy t from stdin;", 0, false, "1\ta;b\n2\tc\n"),
                        new SqlScript.Piece("select 1;", script.indexOf("select"), false),
                        new SqlScript.Piece("COPY u FROM STDIN (format csv);", script.indexOf("COPY"), false, "3,d\n"));
        assertThat(texts("copy t to stdout; select 1;")).containsExactly("copy t to stdout;", "select 1;");
    }

    @Test
    void semicolonsInsideQuotesCommentsAndDollarQuotesDoNotSplit() {
        assertThat(texts("select 'a;b', \"c;d\" -- e;f\n; select $$ g; $$; select $x$ ; $y$ ; $x$;"))
                .containsExactly("select 'a;b', \"c;d\" -- e;f\n;", "select $$ g; $$;", "select $x$ ; $y$ ; $x$;");
        assertThat(texts("select 1 /* a; /* nested; */ still; */ ;"))
                .containsExactly("select 1 /* a; /* nested; */ still; */ ;");
        assertThat(texts("select 'it''s;';")).containsExactly("select 'it''s;';");
        assertThat(texts("select E'\\';x';")).containsExactly("select E'\\';x';");
    }

    @Test
    void parametersAndIdentifiersWithDollarsAreNotQuotes() {
        assertThat(texts("select $1; select a$b; select 2;")).containsExactly("select $1;", "select a$b;", "select 2;");
    }

    @Test
    void aBackslashLineIsAMetaCommand() {
        List<SqlScript.Piece> pieces = SqlScript.split("\\d customers\nselect 1;\n  \\x\n");
        assertThat(pieces)
                .containsExactly(
                        new SqlScript.Piece("\\d customers", 0, true),
                        new SqlScript.Piece("select 1;", 13, false),
                        new SqlScript.Piece("\\x", 25, true));
    }

    @Test
    void aTrailingStatementWithoutSemicolonRunsButTrailingCommentsDoNot() {
        assertThat(texts("select 1; select 2")).containsExactly("select 1;", "select 2");
        assertThat(texts("select 1; -- done\n/* bye */")).containsExactly("select 1;");
        assertThat(texts("   ")).isEmpty();
    }

    @Test
    void unterminatedQuotesSwallowTheRestLikePsql() {
        assertThat(texts("select 'oops; select 2;")).containsExactly("select 'oops; select 2;");
    }

    @Test
    void gAndGxEndTheStatementBeforeThemAsASemicolonDoes() {
        String script = "select 1 \\g\nselect 2\n\\gx\nselect 'a\\g' \\g /tmp/x\nselect 3; \\g";
        assertThat(SqlScript.split(script))
                .containsExactly(
                        new SqlScript.Piece("select 1 ", 0, false, null, "\\g"),
                        new SqlScript.Piece("select 2\n", script.indexOf("select 2"), false, null, "\\gx"),
                        new SqlScript.Piece("select 'a\\g' ", script.indexOf("select 'a"), false, null, "\\g /tmp/x"),
                        new SqlScript.Piece("select 3;", script.indexOf("select 3"), false),
                        new SqlScript.Piece("\\g", script.lastIndexOf("\\g"), true));
        assertThat(SqlScript.split(script).get(0).span()).isEqualTo("select 1 \\g".length());
        // other backslashes inside a statement are left to the server, as before
        assertThat(texts("select 1 \\gnu;")).containsExactly("select 1 \\gnu;");
    }

    @Test
    void aCommentLineBeforeAMetaCommandDoesNotSwallowIt() {
        assertThat(SqlScript.split("-- set up\n\\x\nselect 1;"))
                .containsExactly(new SqlScript.Piece("\\x", 10, true), new SqlScript.Piece("select 1;", 13, false));
    }
}
