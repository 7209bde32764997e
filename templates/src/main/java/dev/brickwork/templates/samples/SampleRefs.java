package dev.brickwork.templates.samples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.Iterator;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Where a sample record needs an id that exists only once something was created: a marker object with one property,
 * {@code {"$ref": "customer/17"}} (a record), {@code {"$user": "u03"}} (a user) or {@code {"$department": "总部/财务部"}}.
 * The loader swaps each for the id it got ({@link #resolve}); markers may stand anywhere, subtable rows included.
 */
public final class SampleRefs {

    public static final String RECORD = "$ref";
    public static final String USER = "$user";
    public static final String DEPARTMENT = "$department";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SampleRefs() {
    }

    public static ObjectNode record(String handle) {
        return NODES.objectNode().put(RECORD, handle);
    }

    public static ObjectNode user(String handle) {
        return NODES.objectNode().put(USER, handle);
    }

    public static ObjectNode department(String path) {
        return NODES.objectNode().put(DEPARTMENT, path);
    }

    /** A marker found in a record's values: its kind ({@link #RECORD}, {@link #USER}, {@link #DEPARTMENT}) and what it names. */
    public record Marker(String kind, String name) {
    }

    /** Every marker in {@code node}, in document order. */
    public static void markers(JsonNode node, Consumer<Marker> found) {
        Marker marker = marker(node);
        if (marker != null) {
            found.accept(marker);
        } else if (node.isContainerNode()) {
            node.elements().forEachRemaining(child -> markers(child, found));
        }
    }

    /** A copy of {@code node} with each marker replaced by the text {@code ids} gives for it. */
    public static JsonNode resolve(JsonNode node, Function<Marker, String> ids) {
        Marker marker = marker(node);
        if (marker != null) {
            return TextNode.valueOf(ids.apply(marker));
        }
        if (node.isObject()) {
            ObjectNode copy = NODES.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                copy.set(field.getKey(), resolve(field.getValue(), ids));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = NODES.arrayNode();
            node.forEach(element -> copy.add(resolve(element, ids)));
            return copy;
        }
        return node;
    }

    private static Marker marker(JsonNode node) {
        if (!node.isObject() || node.size() != 1) {
            return null;
        }
        String name = node.fieldNames().next();
        JsonNode value = node.get(name);
        boolean known = name.equals(RECORD) || name.equals(USER) || name.equals(DEPARTMENT);
        return known && value.isTextual() ? new Marker(name, value.textValue()) : null;
    }
}
