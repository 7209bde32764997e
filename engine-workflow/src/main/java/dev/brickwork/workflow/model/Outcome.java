package dev.brickwork.workflow.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * Field values written to the record (an {@code update} node, {@code onApproved}, {@code onRejected}).
 *
 * @param set field key to the JSON value written, in definition order
 */
public record Outcome(Map<String, JsonNode> set) {

    public static final Outcome NONE = new Outcome(Map.of());

    public Outcome {
        set = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(set));
    }
}
