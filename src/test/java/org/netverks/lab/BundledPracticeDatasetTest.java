package org.netverks.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rows content/datasets/practice/README.md tells lesson authors to point at are really there,
 * in the bundled practice dataset and its hidden twin: lessons will quote them, so a change to
 * data.sql that moves them must fail here and not in a learner's lab.
 */
class BundledPracticeDatasetTest {

    private static final Path DATASETS = Path.of("content", "datasets");
    private static String practiceUrl;
    private static String alternativeUrl;

    @BeforeAll
    static void load() throws IOException, SQLException {
        PracticeDatabase server = PracticeDatabase.get();
        practiceUrl = loadInto(server, "bundled_practice", "practice");
        alternativeUrl = loadInto(server, "bundled_practice_alt", "practice-alt");
    }

    private static String loadInto(PracticeDatabase server, String database, String dataset)
            throws IOException, SQLException {
        String base = "jdbc:postgresql://localhost:" + server.port() + "/";
        try (Connection admin = DriverManager.getConnection(base + "postgres", "postgres", "");
                Statement statement = admin.createStatement()) {
            statement.execute("drop database if exists " + database);
            statement.execute("create database " + database);
        }
        try (Connection connection = DriverManager.getConnection(base + database, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute(Files.readString(DATASETS.resolve("practice/schema.sql")));
            statement.execute(Files.readString(DATASETS.resolve(dataset).resolve("data.sql")));
            statement.execute(Files.readString(DATASETS.resolve("practice/finalise.sql")));
        }
        return base + database;
    }

    private static String practice(String sql) throws SQLException {
        return query(practiceUrl, sql);
    }

    private static String alternative(String sql) throws SQLException {
        return query(alternativeUrl, sql);
    }

    private static String query(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
            return PracticeDatabase.queryText(connection, sql);
        }
    }

    @Test
    void theRowCountsAreTheOnesTheReadmeLists() throws SQLException {
        assertThat(
                        practice(
                                """
                        select concat_ws(' ', (select count(*) from customers), (select count(*) from accounts),
                               (select count(*) from transfers), (select count(*) from categories),
                               (select count(*) from products), (select count(*) from orders),
                               (select count(*) from order_items), (select count(*) from reviews),
                               (select count(*) from rooms), (select count(*) from bookings))
                        """))
                .isEqualTo("30 40 30 29 20 60 150 500 320 50000");
    }

    @Test
    void theDeepestReferralChainRunsFrom26UpTo1() throws SQLException {
        String chains =
                """
                with recursive chain (start, id, path) as (
                    select id, id, id::text from customers
                    union all
                    select chain.start, c.referred_by, chain.path || ' <- ' || c.referred_by
                    from chain join customers c on c.id = chain.id
                    where c.referred_by is not null)
                select path from chain order by length(path) desc, path limit 2
                """;
        assertThat(practice(chains)).isEqualTo("26 <- 20 <- 12 <- 5 <- 1\n26 <- 20 <- 12 <- 5");
        // the hidden twin has two chains of that depth: a tie
        assertThat(alternative(chains)).isEqualTo("118 <- 138 <- 106 <- 112 <- 102\n120 <- 116 <- 108 <- 128 <- 134");
    }

    @Test
    void theBoundaryRowsOfTheFilteringExercisesAreInTheLessonsOwnData() throws SQLException {
        assertThat(practice("select balance || ' ' || currency from accounts where id = 34"))
                .isEqualTo("1000.00 EUR");
        assertThat(practice("select opened_at::text from accounts where id = 31"))
                .isEqualTo("2024-12-31 16:45:00+00");
        assertThat(practice("select id from customers order by created_at desc limit 2"))
                .isEqualTo("29\n30");
    }

    @Test
    void theKeyboardHasTheMostReviewsAndTheChairNone() throws SQLException {
        assertThat(practice("select product_id || ':' || count(*) from reviews group by product_id"
                        + " order by count(*) desc limit 2"))
                .isEqualTo("1:83\n12:60");
        assertThat(practice("select count(*) from reviews where product_id = 20"))
                .isEqualTo("0");
        assertThat(practice("select count(*) from reviews where body ~* 'recieved'"))
                .isEqualTo("83");
    }

    @Test
    void exactlyTheDocumentedStaysOverlap() throws SQLException {
        String overlaps =
                """
                select a.id || ' ' || b.id || ' ' || a.room
                from bookings a join bookings b on a.room = b.room and a.id < b.id and a.stay && b.stay
                order by a.id
                """;
        assertThat(practice(overlaps)).isEqualTo("9973 10293 212\n19946 20266 323\n29919 30239 434\n39892 40212 605");
        assertThat(alternative(overlaps))
                .isEqualTo("900579 900699 404\n900617 900737 430\n901234 901354 429\n901851 901971 428");
    }

    @Test
    void shippedAtIsSetForShippedOrdersOnly() throws SQLException {
        String shipped = "select count(*) filter (where (shipped_at is not null) <> (status = 'shipped')) from orders";
        assertThat(practice(shipped)).isEqualTo("0");
        assertThat(alternative(shipped)).isEqualTo("0");
        assertThat(practice("select string_agg(id::text, ' ' order by id) from orders"
                        + " where details ? 'coupon' and details ->> 'coupon' is null"))
                .isEqualTo("17 34 51");
    }

    @Test
    void theHiddenTwinHasANullInEveryNewNullableColumn() throws SQLException {
        assertThat(
                        alternative(
                                """
                        select concat_ws(' ',
                            (select count(*) from customers where referred_by is null) > 0,
                            (select count(*) from customers where time_zone is null) > 0,
                            (select count(*) from categories where parent_id is null) > 0,
                            (select count(*) from products where category_id is null) > 0,
                            (select count(*) from products where attributes is null) > 0,
                            (select count(*) from products where tags is null) > 0,
                            (select count(*) from products where description is null) > 0,
                            (select count(*) from orders where shipped_at is null) > 0,
                            (select count(*) from orders where details is null) > 0,
                            (select count(*) from reviews where title is null) > 0)
                        """))
                .isEqualTo("t t t t t t t t t t");
    }
}
