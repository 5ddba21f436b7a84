package org.netverks.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatasetSqlTest {

    @Test
    void statementsKeepTheLineTheyStartOnAndLeadingCommentsAreSkipped() {
        DatasetSql script = DatasetSql.split(
                """
                -- a header comment
                create table t (id int);

                /* a block /* nested */ comment */
                insert into t
                values (1);;
                select 1""");
        assertThat(script.problems()).isEmpty();
        assertThat(script.parts())
                .containsExactly(
                        new DatasetSql.Statement("create table t (id int);", 2),
                        new DatasetSql.Statement("insert into t\nvalues (1);", 5),
                        new DatasetSql.Statement("select 1", 7));
    }

    @Test
    void semicolonsInsideQuotesDollarQuotesAndCommentsDoNotEndAStatement() {
        DatasetSql script = DatasetSql.split(
                """
                insert into t values ('a;b', 'it''s;', E'back\\\\slash\\'; quote', "odd;name");
                create function f() returns int language plpgsql as $body$
                begin
                  perform 1; -- a comment; with a semicolon
                  return $$;$$::text::int;
                end
                $body$;
                select $1, a$b from x; /* ; */ select 2;
                """);
        assertThat(script.problems()).isEmpty();
        assertThat(script.parts()).extracting(DatasetSql.Part::line).containsExactly(1, 2, 8, 8);
        assertThat(((DatasetSql.Statement) script.parts().get(0)).sql())
                .isEqualTo("insert into t values ('a;b', 'it''s;', E'back\\\\slash\\'; quote', \"odd;name\");");
        assertThat(((DatasetSql.Statement) script.parts().get(1)).sql()).endsWith("end\n$body$;");
        assertThat(((DatasetSql.Statement) script.parts().get(3)).sql()).isEqualTo("select 2;");
    }

    @Test
    void copyBlocksAsPgDumpWritesThemWithTheLineOfEachRow() {
        DatasetSql script = DatasetSql.split(
                """
                SET statement_timeout = 0;
                SELECT pg_catalog.set_config('search_path', '', false);
                \\restrict abc123

                COPY cd.members (memid, surname) FROM stdin;
                0\tGUEST
                1\tSmith; not a statement
                \\.
                COPY cd.facilities FROM stdin WITH (FORMAT csv);
                1,"Tennis
                Court 1"
                2,Squash
                \\.
                select 3;
                \\unrestrict abc123
                """);
        assertThat(script.problems()).isEmpty();
        assertThat(script.parts()).hasSize(5);
        DatasetSql.Copy text = (DatasetSql.Copy) script.parts().get(2);
        assertThat(text.sql()).isEqualTo("COPY cd.members (memid, surname) FROM stdin;");
        assertThat(text.line()).isEqualTo(5);
        assertThat(text.data()).isEqualTo("0\tGUEST\n1\tSmith; not a statement\n");
        assertThat(text.dataLine()).isEqualTo(6);
        assertThat(text.fileLine(2)).isEqualTo(7);
        DatasetSql.Copy csv = (DatasetSql.Copy) script.parts().get(3);
        assertThat(csv.line()).isEqualTo(9);
        assertThat(csv.fileLine(2)).as("the quoted line break belongs to row 1").isEqualTo(12);
        assertThat(script.parts().get(4)).isEqualTo(new DatasetSql.Statement("select 3;", 14));
    }

    @Test
    void aCopyBlockWithoutItsEndAndOtherPsqlCommandsAreProblems() {
        DatasetSql script = DatasetSql.split(
                """
                \\connect other
                COPY t FROM stdin;
                1
                2
                """);
        assertThat(script.problems())
                .containsExactly(
                        new DatasetSql.Problem(
                                1,
                                "'\\connect other' is a psql command, not SQL: only SQL statements and COPY … FROM stdin"
                                        + " blocks run here"),
                        new DatasetSql.Problem(
                                2, "the COPY … FROM stdin block has no end: its rows must be followed by a line \\."));
        assertThat(DatasetSql.split("COPY t FROM stdin; 1\n\\.\n").problems())
                .extracting(DatasetSql.Problem::message)
                .containsExactly("the rows of a COPY … FROM stdin must start on the line after the statement");
    }

    @Test
    void windowsLineEndsAndAnEmptyCopyWork() {
        DatasetSql script = DatasetSql.split("COPY t FROM stdin;\r\n\\.\r\nselect 1;\r\n");
        assertThat(script.problems()).isEmpty();
        assertThat(script.parts())
                .containsExactly(
                        new DatasetSql.Copy("COPY t FROM stdin;", 1, "", 2), new DatasetSql.Statement("select 1;", 3));
    }
}
