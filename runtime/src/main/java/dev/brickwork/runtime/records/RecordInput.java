package dev.brickwork.runtime.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.forms.Problem;
import dev.brickwork.platform.http.ProblemError;
import dev.brickwork.platform.http.ProblemException;

import java.util.Iterator;
import java.util.List;

/** The shape of a record body ({@code {"fields": {...}}}) and the translation of engine problems to errors. */
final class RecordInput {

    private RecordInput() {
    }

    static ObjectNode fields(JsonNode body) {
        if (!body.isObject()) {
            throw invalid(List.of(ProblemError.of("", "RECORD_NOT_OBJECT", "A record is a JSON object with \"fields\".")));
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("fields") && !name.equals("owner")) {
                throw invalid(List.of(ProblemError.of("/" + name.replace("~", "~0").replace("/", "~1"), "PROPERTY_UNKNOWN",
                        "A record body has only \"fields\" and \"owner\".")));
            }
        }
        JsonNode fields = body.get("fields");
        if (fields == null || !fields.isObject()) {
            throw invalid(List.of(ProblemError.of("/fields", "PROPERTY_REQUIRED", "\"fields\" must be an object.")));
        }
        return (ObjectNode) fields;
    }

    /** The owner the body asks for, or null to keep (or, on create, to be) the caller. */
    static java.util.UUID owner(JsonNode body) {
        JsonNode owner = body.get("owner");
        if (owner == null || owner.isNull()) {
            return null;
        }
        try {
            return java.util.UUID.fromString(owner.asText());
        } catch (IllegalArgumentException e) {
            throw invalid(List.of(ProblemError.of("/owner", "OWNER_INVALID", "The owner is a user id.")));
        }
    }

    /** The fields with each absent field's {@code default} filled in (a create only). */
    static ObjectNode withDefaults(dev.brickwork.forms.compile.CompiledForm form, ObjectNode fields) {
        ObjectNode filled = fields.deepCopy();
        for (dev.brickwork.forms.model.FieldDefinition field : form.fields()) {
            if (field.defaultValue() != null && !field.defaultValue().isNull() && !filled.has(field.key())) {
                filled.set(field.key(), field.defaultValue());
            }
        }
        return filled;
    }

    static ProblemException invalid(List<ProblemError> errors) {
        return new ProblemException(RecordProblem.RECORD_INVALID, "The record is invalid; nothing was written.", errors);
    }

    static List<ProblemError> errors(List<Problem> problems) {
        return problems.stream().filter(Problem::isError)
                .map(p -> ProblemError.of(p.pointer(), p.code(), p.message())).toList();
    }

}
