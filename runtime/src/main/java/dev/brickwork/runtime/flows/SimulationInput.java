package dev.brickwork.runtime.flows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Set;
import java.util.UUID;

/**
 * A simulation request as sent (docs/spec.md §5), checked for its shape: every refusal is located and never echoes the
 * value. The definition itself is checked later, against its form, by the flow reader.
 *
 * @param definition the flow to simulate; null for the saved draft
 * @param record     a stored record to run on, or null for sample values only
 * @param fields     sample values (laid over the record's); never null
 * @param owner      the owner of a sample record; null for the record's or the caller
 */
record SimulationInput(JsonNode definition, UUID record, ObjectNode fields, UUID owner) {

    private static final Set<String> PROPERTIES = Set.of("definition", "record", "fields", "owner");

    static SimulationInput read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApprovalCommands.invalid("", "BODY_NOT_OBJECT", "The body is a JSON object.");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!PROPERTIES.contains(name)) {
                throw ApprovalCommands.invalid("/" + name.replace("~", "~0").replace("/", "~1"), "PROPERTY_UNKNOWN",
                        "A simulation takes definition, record, fields and owner only.");
            }
        }
        JsonNode definition = body.path("definition");
        if (!definition.isMissingNode() && !definition.isNull() && !definition.isObject()) {
            throw ApprovalCommands.invalid("/definition", "FLOW_NOT_OBJECT", "A flow definition is a JSON object.");
        }
        JsonNode fields = body.path("fields");
        if (!fields.isMissingNode() && !fields.isNull() && !fields.isObject()) {
            throw ApprovalCommands.invalid("/fields", "PROPERTY_TYPE", "'fields' is an object of field values.");
        }
        return new SimulationInput(definition.isObject() ? definition : null, id(body, "record"),
                fields.isObject() ? (ObjectNode) fields : JsonNodeFactory.instance.objectNode(), id(body, "owner"));
    }

    private static UUID id(JsonNode body, String property) {
        JsonNode value = body.path(property);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        try {
            if (value.isTextual()) {
                return UUID.fromString(value.asText());
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw ApprovalCommands.invalid("/" + property, "ID_INVALID", "'" + property + "' is the id of a "
                + ("record".equals(property) ? "record of the flow's form." : "user."));
    }
}
