package org.netverks.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Finding the ORDER BY that sorts a statement's result, and where its keys end. */
class ResultOrderByTest {

    private static String keys(String sql) {
        ResultOrderBy order = ResultOrderBy.of(sql).orElseThrow();
        return sql.substring(0, order.keysEnd());
    }

    @Test
    void theKeysEndBeforeLimitOffsetFetchOrForAndBeforeAComment() {
        assertThat(keys("select a from t order by a desc, b")).endsWith("order by a desc, b");
        assertThat(keys("select a from t order by a nulls first limit 3")).endsWith("order by a nulls first");
        assertThat(keys("select a from t\norder by (a + 1) desc -- biggest\noffset 2;"))
                .endsWith("(a + 1) desc");
        assertThat(keys("select a from t order by a fetch first 2 rows only")).endsWith("order by a");
        assertThat(keys("select a from t order by a for update")).endsWith("order by a");
        assertThat(keys("select a from t order by 'x;y', \"Odd)Name\" ;")).endsWith("\"Odd)Name\"");
    }

    @Test
    void onlyTheTopLevelOfTheLastStatementCounts() {
        assertThat(ResultOrderBy.of("select id, row_number() over (order by id) from t"))
                .isEmpty();
        assertThat(ResultOrderBy.of("select string_agg(v, ',' order by v) from t"))
                .isEmpty();
        assertThat(ResultOrderBy.of("select * from (select id from t order by id) s"))
                .isEmpty();
        assertThat(ResultOrderBy.of("select id from t order by id; select 1")).isEmpty();
        assertThat(ResultOrderBy.of("select 'order by x' from t -- order by y")).isEmpty();
        assertThat(ResultOrderBy.of("select $$ order by $$ from t /* order by z */"))
                .isEmpty();
        assertThat(keys("with w as (select id from t order by id) select id from w order by id desc;\n"))
                .endsWith("order by id desc");
        assertThat(keys("select id from t order by id; select id from t order by 1;"))
                .endsWith("order by 1");
        assertThat(keys("select id from t order by id; -- the last one\n/* done */\n"))
                .endsWith("order by id");
    }

    @Test
    void fetchWithTiesIsNoticed() {
        assertThat(ResultOrderBy.of("select a from t order by a fetch first 2 rows with ties")
                        .orElseThrow()
                        .withTies())
                .isTrue();
        assertThat(ResultOrderBy.of("select a from t order by a limit 2")
                        .orElseThrow()
                        .withTies())
                .isFalse();
    }
}
