package dev.brickwork.runtime.records.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brickwork.forms.JsonPointers;

import java.util.Iterator;
import java.util.Map;

/**
 * Reads the body of {@code POST …/records/query} (docs/spec.md §4) into the same {@link ListRequest} a {@code GET} list
 * makes from its query string, so both take one code path. The body carries what would not fit in a URL: the
 * filter as a JSON object, not as text. A property of the wrong type or one the query does not have is refused,
 * located, before anything else is looked at.
 */
public final class QueryBody {

    private enum Kind { OBJECT, TEXT, INTEGER, BOOLEAN }

    private static final Map<String, Kind> PROPERTIES = Map.of(
            "filter", Kind.OBJECT, "sort", Kind.TEXT, "q", Kind.TEXT, "limit", Kind.INTEGER, "cursor", Kind.TEXT,
            "count", Kind.BOOLEAN, "deleted", Kind.BOOLEAN);

    private QueryBody() {
    }

    /**
     * @throws dev.brickwork.platform.http.ProblemException 422 {@code QUERY_INVALID} naming each property at fault
     */
    public static ListRequest read(JsonNode body) {
        Complaints complaints = new Complaints();
        if (!body.isObject()) {
            complaints.add(QueryProblem.QUERY_INVALID, "", QueryCodes.QUERY_BODY_NOT_OBJECT,
                    "A query is a JSON object: filter, sort, q, limit, cursor, count, deleted.");
            complaints.throwIfAny();
        }
        for (Iterator<Map.Entry<String, JsonNode>> properties = body.fields(); properties.hasNext(); ) {
            Map.Entry<String, JsonNode> property = properties.next();
            Kind kind = PROPERTIES.get(property.getKey());
            String pointer = JsonPointers.append("", property.getKey());
            if (kind == null) {
                complaints.add(QueryProblem.QUERY_INVALID, pointer, QueryCodes.QUERY_PROPERTY_UNKNOWN,
                        "A query has only filter, sort, q, limit, cursor, count and deleted.");
            } else if (!property.getValue().isNull() && !fits(property.getValue(), kind)) {
                complaints.add(QueryProblem.QUERY_INVALID, pointer, QueryCodes.QUERY_PROPERTY_TYPE, expected(kind));
            }
        }
        complaints.throwIfAny();
        JsonNode filter = given(body, "filter");
        JsonNode limit = given(body, "limit");
        return new ListRequest(null, text(body, "sort"), text(body, "q"), limit == null ? null : limit.asText(),
                text(body, "cursor"), flag(body, "count"), flag(body, "deleted"), filter);
    }

    private static boolean fits(JsonNode value, Kind kind) {
        return switch (kind) {
            case OBJECT -> value.isObject();
            case TEXT -> value.isTextual();
            case INTEGER -> value.isIntegralNumber();
            case BOOLEAN -> value.isBoolean();
        };
    }

    private static String expected(Kind kind) {
        return switch (kind) {
            case OBJECT -> "Expected a JSON object (the filter itself, not a string holding it).";
            case TEXT -> "Expected a string.";
            case INTEGER -> "Expected a whole number.";
            case BOOLEAN -> "Expected true or false.";
        };
    }

    private static JsonNode given(JsonNode body, String name) {
        JsonNode value = body.get(name);
        return value == null || value.isNull() ? null : value;
    }

    private static String text(JsonNode body, String name) {
        JsonNode value = given(body, name);
        return value == null ? null : value.textValue();
    }

    private static boolean flag(JsonNode body, String name) {
        JsonNode value = given(body, name);
        return value != null && value.booleanValue();
    }
}
