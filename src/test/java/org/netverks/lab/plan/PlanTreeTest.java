package org.netverks.lab.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netverks.lab.PracticeDatabase;
import org.netverks.lab.shared.PlanNode;

/** The tree view's side of a rendered plan, from plans PostgreSQL 17 made on the practice data. */
class PlanTreeTest {

    private final PlanRenderer renderer = new PlanRenderer();

    @Test
    void childrenComeInPlanOrder() throws Exception {
        PlanResult result = explain(
                "SET enable_mergejoin = off",
                "SET enable_nestloop = off",
                "EXPLAIN (ANALYZE, FORMAT JSON) SELECT c.full_name FROM orders o JOIN customers c ON c.id = o.customer_id");
        PlanNode join = result.root();
        assertThat(join.nodeType()).isEqualTo("Hash Join");
        assertThat(join.title()).isEqualTo("Hash Join");
        assertThat(join.details()).containsExactly("Hash Cond: (o.customer_id = c.id)");
        assertThat(join.children()).extracting(PlanNode::title).containsExactly("Seq Scan on orders o", "Hash");
        assertThat(join.children().get(1).children())
                .extracting(PlanNode::title)
                .containsExactly("Seq Scan on customers c");
        assertThat(titlesInOrder(join)).containsExactlyElementsOf(titlesInTextOrder(result.text()));
    }

    @Test
    void subplansAreChildrenWhereTextDrawsThem() throws Exception {
        PlanResult result = explain("EXPLAIN (ANALYZE, FORMAT JSON) WITH x AS MATERIALIZED "
                + "(SELECT * FROM bookings WHERE nights > 2) SELECT count(*) FROM x WHERE x.room <> '121'");
        assertThat(result.root().children())
                .extracting(PlanNode::title)
                .containsExactly("Seq Scan on bookings", "CTE Scan on x");
        assertThat(result.text()).contains("\n  CTE x\n    ->  Seq Scan on bookings");
        assertThat(titlesInOrder(result.root())).containsExactlyElementsOf(titlesInTextOrder(result.text()));
    }

    @Test
    void estimatedAndActualRowsSideBySide() throws Exception {
        PlanNode scan = explain("EXPLAIN (ANALYZE, FORMAT JSON) SELECT * FROM bookings WHERE nights > 8")
                .root();
        assertThat(scan.title()).isEqualTo("Seq Scan on bookings");
        assertThat(scan.planRows()).isPositive();
        assertThat(scan.actualRows()).isEqualTo(5556L);
        assertThat(scan.actualLoops()).isEqualTo(1L);
        assertThat(scan.totalCost()).isGreaterThan(scan.startupCost());
        assertThat(scan.planWidth()).isPositive();
        assertThat(scan.actualTotalTime()).isNotNull().isGreaterThanOrEqualTo(scan.actualStartupTime());
        assertThat(scan.details()).containsExactly("Filter: (nights > 8)", "Rows Removed by Filter: 44444");
    }

    @Test
    void withoutAnalyzeThereAreEstimatesOnly() throws Exception {
        PlanResult result = explain("EXPLAIN (FORMAT JSON) SELECT * FROM bookings b WHERE b.id = 4242");
        PlanNode scan = result.root();
        assertThat(scan.title()).isEqualTo("Index Scan using bookings_pkey on bookings b");
        assertThat(scan.planRows()).isEqualTo(1);
        assertThat(scan.actualRows()).isNull();
        assertThat(scan.actualLoops()).isNull();
        assertThat(scan.actualTotalTime()).isNull();
        assertThat(scan.exclusiveTimeMs()).isNull();
        assertThat(scan.mostExpensive()).isTrue();
        assertThat(result.planningTimeMs()).isNull();
        assertThat(result.executionTimeMs()).isNull();
        assertThat(result.footer()).isEmpty();
    }

    @Test
    void exclusiveTimeIsOwnTimeOverAllLoopsAndNeverNegative() throws Exception {
        PlanResult result = explain(
                "SET enable_hashjoin = off",
                "SET enable_mergejoin = off",
                "EXPLAIN (ANALYZE, FORMAT JSON) SELECT * FROM orders o JOIN bookings b ON b.customer_id = o.customer_id "
                        + "WHERE o.status = 'paid'");
        for (PlanNode node : all(result.root())) {
            double inclusive = node.actualTotalTime() * node.actualLoops();
            double children = node.children().stream()
                    .mapToDouble(c -> c.actualTotalTime() * c.actualLoops())
                    .sum();
            assertThat(node.exclusiveTimeMs())
                    .as(node.title())
                    .isGreaterThanOrEqualTo(0.0)
                    .isCloseTo(Math.max(0, inclusive - children), org.assertj.core.data.Offset.offset(1e-9));
        }
        assertThat(result.planningTimeMs()).isNotNull();
        assertThat(result.executionTimeMs()).isNotNull();
        assertThat(result.footer()).hasSize(2);
        assertThat(result.footer().get(0)).startsWith("Planning Time: ").endsWith(" ms");
        assertThat(result.footer().get(1)).startsWith("Execution Time: ");
    }

    /**
     * A CTE is drawn under the node it belongs to, but its rows are pulled, and its time counted,
     * by the CTE Scan: the parent's time minus both children's is below zero. Real PostgreSQL 17
     * output, kept as a file so that the numbers are fixed.
     */
    @Test
    void exclusiveTimeStopsAtZeroWhenChildrenOverlap() throws Exception {
        PlanNode aggregate =
                renderer.render(resource("/plan/cte-initplan.json")).root();
        double children = aggregate.children().stream()
                .mapToDouble(c -> c.actualTotalTime() * c.actualLoops())
                .sum();
        assertThat(aggregate.actualTotalTime()).isLessThan(children);
        assertThat(aggregate.exclusiveTimeMs()).isZero();
        PlanNode cteScan = aggregate.children().get(1);
        assertThat(cteScan.exclusiveTimeMs()).isEqualTo(cteScan.actualTotalTime());
        assertThat(all(aggregate)).filteredOn(PlanNode::mostExpensive).containsExactly(cteScan);
    }

    @Test
    void exactlyOneNodeIsTheMostExpensive() throws Exception {
        for (String explain : new String[] {
            "EXPLAIN (ANALYZE, FORMAT JSON) SELECT p.category, count(*) FROM orders o JOIN order_items i ON i.order_id = o.id "
                    + "JOIN products p ON p.id = i.product_id GROUP BY p.category ORDER BY 2 DESC",
            "EXPLAIN (FORMAT JSON) SELECT c.full_name, (SELECT count(*) FROM orders o WHERE o.customer_id = c.id) FROM customers c",
            "EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) SELECT * FROM bookings ORDER BY starts_at LIMIT 10"
        }) {
            PlanNode root = explain(explain).root();
            List<PlanNode> marked =
                    all(root).stream().filter(PlanNode::mostExpensive).toList();
            assertThat(marked).as(explain).hasSize(1);
        }
    }

    @Test
    void withTimingsTheMostExpensiveNodeHasTheLargestExclusiveTime() throws Exception {
        PlanNode root = explain("EXPLAIN (ANALYZE, FORMAT JSON) SELECT room, count(*) FROM bookings GROUP BY room")
                .root();
        PlanNode marked =
                all(root).stream().filter(PlanNode::mostExpensive).findFirst().orElseThrow();
        for (PlanNode node : all(root)) {
            assertThat(marked.exclusiveTimeMs()).isGreaterThanOrEqualTo(node.exclusiveTimeMs());
        }
    }

    @Test
    void withoutTimingsTheMostExpensiveNodeHasTheLargestExclusiveCost() throws Exception {
        // a sort of every booking costs far more than reading them
        PlanNode root = explain("EXPLAIN (FORMAT JSON) SELECT * FROM bookings ORDER BY created_at")
                .root();
        assertThat(root.nodeType()).isEqualTo("Sort");
        assertThat(root.mostExpensive()).isTrue();
        assertThat(root.children().get(0).mostExpensive()).isFalse();
    }

    @Test
    void costsOffWithoutTimingsMarksNothing() throws Exception {
        PlanNode root = explain("EXPLAIN (COSTS OFF, FORMAT JSON) SELECT * FROM bookings ORDER BY created_at")
                .root();
        assertThat(all(root)).noneMatch(PlanNode::mostExpensive);
        assertThat(root.totalCost()).isZero();
    }

    @Test
    void aNodeThatNeverRanHasZeroLoops() throws Exception {
        PlanResult result = explain(
                "SET enable_hashjoin = off",
                "SET enable_mergejoin = off",
                "EXPLAIN (ANALYZE, FORMAT JSON) SELECT * FROM orders o JOIN customers c ON c.id = o.customer_id "
                        + "WHERE o.status = 'lost'");
        PlanNode inner = result.root().children().get(1);
        assertThat(inner.actualLoops()).isZero();
        assertThat(inner.exclusiveTimeMs()).isZero();
        assertThat(result.text()).contains(inner.title() + "  (cost=").contains("(never executed)");
    }

    @Test
    void workerLinesAreIndentedUnderTheirLabel() throws Exception {
        PlanNode gather = explain(
                        "SET debug_parallel_query = on",
                        "EXPLAIN (ANALYZE, VERBOSE, TIMING OFF, FORMAT JSON) SELECT * FROM customers ORDER BY email")
                .root();
        PlanNode sort = gather.children().get(0);
        assertThat(gather.details()).contains("Single Copy: true");
        assertThat(sort.details()).contains("Worker 0:  actual rows=30 loops=1");
        assertThat(sort.details().get(sort.details().indexOf("Worker 0:  actual rows=30 loops=1") + 1))
                .startsWith("  Sort Method: ");
    }

    private PlanResult explain(String... statements) throws Exception {
        try (Connection connection = PracticeDatabase.get().connectForPlans()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (int i = 0; i < statements.length - 1; i++) {
                    statement.execute(statements[i]);
                }
                return renderer.render(PracticeDatabase.queryText(connection, statements[statements.length - 1]));
            } finally {
                connection.rollback();
            }
        }
    }

    private static List<PlanNode> all(PlanNode root) {
        List<PlanNode> nodes = new ArrayList<>();
        nodes.add(root);
        root.children().forEach(child -> nodes.addAll(all(child)));
        return nodes;
    }

    private static List<String> titlesInOrder(PlanNode root) {
        return all(root).stream().map(PlanNode::title).toList();
    }

    /** The node titles of a text plan, top to bottom: the first line and every line with an arrow. */
    private static List<String> titlesInTextOrder(String text) {
        List<String> titles = new ArrayList<>();
        for (String line : text.split("\n")) {
            String node =
                    line.contains("->  ") ? line.substring(line.indexOf("->  ") + 4) : titles.isEmpty() ? line : null;
            if (node != null) {
                titles.add(node.replaceAll("  \\(cost=.*", ""));
            }
        }
        return titles;
    }

    private static String resource(String name) throws Exception {
        try (InputStream in = PlanTreeTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
