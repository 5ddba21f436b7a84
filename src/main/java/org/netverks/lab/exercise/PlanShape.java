package org.netverks.lab.exercise;

import java.util.ArrayList;
import java.util.List;
import org.netverks.content.PlanAssertion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The nodes of a plan as EXPLAIN (FORMAT JSON) gives them, checked against an exercise's plan
 * assertions. Aggregates are named as the text plan names them (HashAggregate, GroupAggregate).
 */
final class PlanShape {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Node(String type, String relation) {}

    private final List<Node> nodes;

    private PlanShape(List<Node> nodes) {
        this.nodes = List.copyOf(nodes);
    }

    static PlanShape parse(String explainJson) {
        List<Node> nodes = new ArrayList<>();
        JsonNode root = JSON.readTree(explainJson);
        collect(root.path(0).path("Plan"), nodes);
        return new PlanShape(nodes);
    }

    private static void collect(JsonNode plan, List<Node> nodes) {
        if (plan.isMissingNode()) {
            return;
        }
        String type = plan.path("Node Type").asString("");
        if (type.equals("Aggregate")) {
            type = switch (plan.path("Strategy").asString("")) {
                case "Hashed" -> "HashAggregate";
                case "Sorted" -> "GroupAggregate";
                case "Mixed" -> "MixedAggregate";
                default -> "Aggregate";
            };
        }
        String relation = plan.path("Relation Name").isMissingNode()
                ? null
                : plan.path("Relation Name").asString();
        nodes.add(new Node(type, relation));
        for (JsonNode child : plan.path("Plans")) {
            collect(child, nodes);
        }
    }

    List<Node> nodes() {
        return nodes;
    }

    /** What breaks the assertions, in plain words; empty when the plan satisfies all of them. */
    List<Feedback> check(List<PlanAssertion> assertions) {
        List<Feedback> feedback = new ArrayList<>();
        for (PlanAssertion assertion : assertions) {
            boolean present = nodes.stream()
                    .anyMatch(node -> assertion.relation().equals(node.relation())
                            && (assertion.nodeTypes().contains(node.type())
                                    || assertion.nodeTypes().contains("Aggregate")
                                            && node.type().endsWith("Aggregate")));
            if (assertion.required() && !present) {
                feedback.add(Feedback.of(
                        "plan",
                        "The plan of your last statement does not use "
                                + String.join(" or ", assertion.nodeTypes()) + " on " + assertion.relation()
                                + "; it reads "
                                + assertion.relation() + " with " + scansOf(assertion.relation()) + "."));
            } else if (!assertion.required() && present) {
                feedback.add(Feedback.of(
                        "plan",
                        "The plan of your last statement still uses " + String.join(" or ", assertion.nodeTypes())
                                + " on " + assertion.relation() + "."));
            }
        }
        return feedback;
    }

    private String scansOf(String relation) {
        List<String> scans = nodes.stream()
                .filter(node -> relation.equals(node.relation()))
                .map(Node::type)
                .distinct()
                .toList();
        return scans.isEmpty() ? "no scan at all (is it in the query?)" : String.join(" and ", scans);
    }
}
