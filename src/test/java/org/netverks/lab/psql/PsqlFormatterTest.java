package org.netverks.lab.psql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netverks.lab.shared.PrintOptions;

/**
 * The formatter's rules that psql's own output does not show in the fixtures (PsqlFixturesTest
 * compares whole query results, multi-line values and expanded display with psql).
 */
class PsqlFormatterTest {

    private static final List<PsqlFormatter.Column> COLUMNS =
            List.of(new PsqlFormatter.Column("id", true), new PsqlFormatter.Column("name", false));

    @Test
    void numericTypesAreRightAlignedByNameOrOid() {
        assertThat(List.of(
                        "int2",
                        "int4",
                        "int8",
                        "numeric",
                        "float4",
                        "float8",
                        "oid",
                        "money",
                        "xid",
                        "INTEGER",
                        "bigserial",
                        "23",
                        "1700"))
                .allMatch(PsqlFormatter::rightAligned);
        assertThat(Arrays.asList("text", "varchar", "bool", "date", "timestamptz", "jsonb", "25", "", null))
                .noneMatch(PsqlFormatter::rightAligned);
    }

    @Test
    void nullsPrintAsEmptyAndTheRowCountIsSingularForOneRow() {
        String table = PsqlFormatter.query(
                        COLUMNS, List.of(Arrays.asList("7", null)), false, PrintOptions.DEFAULT, Long.MAX_VALUE)
                .orElseThrow();

        assertThat(table)
                .isEqualTo(
                        """
                 id | name\s
                ----+------
                  7 | \n(1 row)""");
    }

    @Test
    void aTitleWiderThanTheTableIsNotIndentedAndFootersComeBeforeTheRowCount() {
        String table = PsqlFormatter.table(
                "A title wider than the table",
                COLUMNS,
                List.of(List.of("1", "a")),
                List.of("Footer"),
                true,
                false,
                PrintOptions.DEFAULT);

        assertThat(table)
                .isEqualTo(
                        """
                A title wider than the table
                 id | name\s
                ----+------
                  1 | a
                Footer
                (1 row)""");
    }

    @Test
    void expandedDisplayPutsFootersAfterAnEmptyLineAndNeverCountsRows() {
        String records = PsqlFormatter.table(
                "Title", COLUMNS, List.of(List.of("1", "a")), List.of("Footer"), true, true, PrintOptions.DEFAULT);

        assertThat(records)
                .isEqualTo(
                        """
                Title
                -[ RECORD 1 ]
                id   | 1
                name | a

                Footer""");
        assertThat(PsqlFormatter.table(
                        "Title", COLUMNS, List.of(), List.of("Footer"), true, true, PrintOptions.DEFAULT))
                .isEqualTo("Footer");
    }

    @Test
    void controlCharactersAreShownEscapedAndWideCharactersTakeTwoColumns() {
        CellLines cell = CellLines.of("a\rb\u0001c\u0085日");

        assertThat(cell.line(0)).isEqualTo("a\\rb\\x01c\\u0085日");
        assertThat(cell.width(0)).isEqualTo(1 + 2 + 1 + 4 + 1 + 6 + 2);
        assertThat(CellLines.of("e\u0301").maxWidth())
                .as("a combining accent takes no column")
                .isEqualTo(1);
    }

    @Test
    void aLayoutThatWouldPadEveryLineToAHugeValueIsNotMade() {
        List<List<String>> rows = new java.util.ArrayList<>();
        rows.add(List.of("1", "x".repeat(100_000)));
        for (int i = 0; i < 499; i++) {
            rows.add(List.of("2", "y"));
        }
        PrintOptions border2 = PrintOptions.DEFAULT.withBorder(2);

        assertThat(PsqlFormatter.query(COLUMNS, rows, false, border2, 8 * 1024 * 1024))
                .as("500 lines of 100 000 characters each")
                .isEmpty();
        assertThat(PsqlFormatter.query(COLUMNS, rows.subList(1, 500), false, border2, 8 * 1024 * 1024))
                .isPresent();
        assertThat(PsqlFormatter.query(COLUMNS, rows, false, PrintOptions.DEFAULT.withFormat("csv"), 8 * 1024 * 1024))
                .as("csv is not padded")
                .isPresent();
    }
}
