package org.netverks.lab.plan;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Reads values of EXPLAIN's FORMAT JSON. PostgreSQL prints every number there with the same
 * printf precision as in FORMAT TEXT ("%.2f" for costs, "%.3f" for times, "%.0f" for rows), so
 * a number's text, kept exactly as received, is also its text-format spelling.
 */
final class JsonValues {

    private JsonValues() {}

    /** A scalar as FORMAT TEXT spells it; numbers keep their digits ("0.00" stays "0.00"). */
    static String text(JsonNode value) {
        if (value.isNumber()) {
            return value.isIntegralNumber()
                    ? value.bigIntegerValue().toString()
                    : value.decimalValue().toPlainString();
        }
        if (value.isNull()) {
            return "NULL";
        }
        return value.asString();
    }

    /** The named number's text, or "0" when the property is absent. */
    static String text(JsonNode object, String property) {
        JsonNode value = object.get(property);
        return value == null ? "0" : text(value);
    }

    static boolean isPositive(JsonNode object, String property) {
        JsonNode value = object.get(property);
        return value != null && value.isNumber() && value.decimalValue().signum() > 0;
    }

    static boolean isTrue(JsonNode object, String property) {
        JsonNode value = object.get(property);
        return value != null && value.asBoolean();
    }

    static String string(JsonNode object, String property) {
        JsonNode value = object.get(property);
        return value == null || value.isNull() ? null : value.asString();
    }

    static Double decimal(JsonNode object, String property) {
        JsonNode value = object.get(property);
        return value == null || !value.isNumber() ? null : value.doubleValue();
    }

    /** A list property (Output, Sort Key, ...) joined the way ExplainPropertyList does. */
    static String joined(JsonNode array) {
        List<String> items = new ArrayList<>();
        array.values().forEach(item -> items.add(text(item)));
        return String.join(", ", items);
    }
}
