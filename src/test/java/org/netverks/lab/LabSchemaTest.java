package org.netverks.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.netverks.IntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The schema panel's JSON, the diagram's source: keys read from the learner's own sandbox. */
@IntegrationTest
class LabSchemaTest {

    @LocalServerPort
    int port;

    @Test
    void thePracticeDatasetsPrimaryAndForeignKeysAreListed() {
        JsonNode schema = schemaOf(new LabClient(port));

        JsonNode customers = table(schema, "customers");
        assertThat(customers.get("kind").asString()).isEqualTo("table");
        assertThat(column(customers, "id").get("primaryKey").asBoolean()).isTrue();
        assertThat(column(customers, "id").get("notNull").asBoolean()).isTrue();
        assertThat(column(customers, "email").get("primaryKey").asBoolean()).isFalse();
        assertThat(column(customers, "phone").get("notNull").asBoolean()).isFalse();
        assertThat(customers.get("foreignKeys").isEmpty()).isTrue();
        assertThat(table(schema, "transfers").get("foreignKeys").toString())
                .as("two keys onto the same table")
                .isEqualTo("[{\"name\":\"transfers_from_account_fkey\",\"columns\":[\"from_account\"],"
                        + "\"references\":\"accounts\",\"referencedColumns\":[\"id\"]},"
                        + "{\"name\":\"transfers_to_account_fkey\",\"columns\":[\"to_account\"],"
                        + "\"references\":\"accounts\",\"referencedColumns\":[\"id\"]}]");

        JsonNode orderItems = table(schema, "order_items");
        assertThat(column(orderItems, "order_id").get("primaryKey").asBoolean())
                .as("every column of a composite primary key")
                .isTrue();
        assertThat(column(orderItems, "product_id").get("primaryKey").asBoolean())
                .isTrue();
        assertThat(orderItems.get("foreignKeys").toString())
                .isEqualTo("[{\"name\":\"order_items_order_id_fkey\",\"columns\":[\"order_id\"],"
                        + "\"references\":\"orders\",\"referencedColumns\":[\"id\"]},"
                        + "{\"name\":\"order_items_product_id_fkey\",\"columns\":[\"product_id\"],"
                        + "\"references\":\"products\",\"referencedColumns\":[\"id\"]}]");
    }

    @Test
    void aTableTheLearnerCreatesAppearsWithItsKeysInTheNextListing() {
        LabClient learner = new LabClient(port);
        assertThat(schemaOf(learner).toString()).doesNotContain("\"name\":\"t\"");

        learner.run("create table t (id int primary key, customer_id int references customers)");

        JsonNode t = table(schemaOf(learner), "t");
        assertThat(t.get("columns").toString())
                .isEqualTo("[{\"name\":\"id\",\"type\":\"integer\",\"primaryKey\":true,\"notNull\":true},"
                        + "{\"name\":\"customer_id\",\"type\":\"integer\",\"primaryKey\":false,\"notNull\":false}]");
        assertThat(t.get("foreignKeys").toString())
                .isEqualTo("[{\"name\":\"t_customer_id_fkey\",\"columns\":[\"customer_id\"],"
                        + "\"references\":\"customers\",\"referencedColumns\":[\"id\"]}]");
    }

    @Test
    void aCompositeKeyKeepsItsColumnOrderAndAnotherSchemasTableIsNamedQualified() {
        LabClient learner = new LabClient(port);
        learner.run(
                """
                create schema mine;
                create table mine.slots (room text, day date, primary key (room, day), unique (day, room));
                create table visits (id int, day date, room text,
                    constraint visits_slot foreign key (room, day) references mine.slots (room, day),
                    constraint visits_slot_reversed foreign key (day, room) references mine.slots (day, room));
                """);

        JsonNode schema = schemaOf(learner);

        assertThat(table(schema, "visits").get("foreignKeys").toString())
                .isEqualTo("[{\"name\":\"visits_slot\",\"columns\":[\"room\",\"day\"],"
                        + "\"references\":\"mine.slots\",\"referencedColumns\":[\"room\",\"day\"]},"
                        + "{\"name\":\"visits_slot_reversed\",\"columns\":[\"day\",\"room\"],"
                        + "\"references\":\"mine.slots\",\"referencedColumns\":[\"day\",\"room\"]}]");
        assertThat(table(schema, "mine.slots").get("foreignKeys").isEmpty()).isTrue();
    }

    @Test
    void aKeyOnOrOntoAPartitionedTableIsListedOnceWhereItWasDeclared() {
        LabClient learner = new LabClient(port);
        learner.run(
                """
                create table visits (id int, day date, customer_id int references customers, primary key (id, day))
                    partition by range (day);
                create table visits_2026 partition of visits for values from ('2026-01-01') to ('2027-01-01');
                create table visits_2027 partition of visits for values from ('2027-01-01') to ('2028-01-01');
                create table visit_notes (visit_id int, visit_day date, foreign key (visit_id, visit_day) references visits);
                """);

        JsonNode schema = schemaOf(learner);

        assertThat(table(schema, "visits").get("foreignKeys").toString())
                .isEqualTo("[{\"name\":\"visits_customer_id_fkey\",\"columns\":[\"customer_id\"],"
                        + "\"references\":\"customers\",\"referencedColumns\":[\"id\"]}]");
        assertThat(table(schema, "visits_2026").get("foreignKeys").isEmpty())
                .as("the partition's copy of the key is PostgreSQL's, not the learner's")
                .isTrue();
        assertThat(table(schema, "visit_notes").get("foreignKeys").toString())
                .as("one key, not one per partition it reaches")
                .isEqualTo(
                        "[{\"name\":\"visit_notes_visit_id_visit_day_fkey\",\"columns\":[\"visit_id\",\"visit_day\"],"
                                + "\"references\":\"visits\",\"referencedColumns\":[\"id\",\"day\"]}]");
    }

    private static JsonNode schemaOf(LabClient learner) {
        HttpResponse<String> response = learner.http().getJson(LabClient.LESSON + "/schema");
        assertThat(response.statusCode()).isEqualTo(200);
        return LabClient.parse(response.body());
    }

    private static JsonNode table(JsonNode schema, String name) {
        for (JsonNode table : schema) {
            if (table.get("name").asString().equals(name)) {
                return table;
            }
        }
        throw new AssertionError("no table " + name + " in " + schema);
    }

    private static JsonNode column(JsonNode table, String name) {
        for (JsonNode column : table.get("columns")) {
            if (column.get("name").asString().equals(name)) {
                return column;
            }
        }
        throw new AssertionError("no column " + name + " in " + table);
    }
}
