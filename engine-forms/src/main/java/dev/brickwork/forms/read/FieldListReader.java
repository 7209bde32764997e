package dev.brickwork.forms.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brickwork.forms.JsonPointers;
import dev.brickwork.forms.Problem;
import dev.brickwork.forms.model.FieldDefinition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads a {@code fields} array (of a form or of a subtable): limits, one object per field, keys unique per level. */
final class FieldListReader {

    static final int MAX_FORM_FIELDS = 500;
    static final int MAX_SUBTABLE_FIELDS = 200;

    /**
     * @param fields   the fields read, in order, without those whose key or type was unusable or whose key repeated
     * @param seenKeys every key that was written, kept or not: later checks (titleField, rules) stay quiet about
     *                 a field that was already reported, instead of calling it unknown
     */
    record Result(List<FieldDefinition> fields, Set<String> seenKeys) {
    }

    private FieldListReader() {
    }

    /** @param subtable the subtable's key when reading its row fields, else null */
    static Result read(Props owner, String subtable, SourceMap sources) {
        String pointer = owner.pointer("fields");
        List<Problem> problems = owner.problems();
        JsonNode node = owner.node("fields");
        List<FieldDefinition> fields = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        if (node == null) {
            owner.error("fields", DefinitionCodes.PROPERTY_REQUIRED, "At least one field is required");
            return new Result(fields, seen);
        }
        if (!node.isArray()) {
            owner.error("fields", DefinitionCodes.PROPERTY_TYPE, "'fields' must be an array of fields");
            return new Result(fields, seen);
        }
        if (node.isEmpty()) {
            owner.error("fields", DefinitionCodes.PROPERTY_REQUIRED, "At least one field is required");
        }
        int limit = subtable == null ? MAX_FORM_FIELDS : MAX_SUBTABLE_FIELDS;
        if (node.size() > limit) {
            problems.add(Problem.error(pointer, DefinitionCodes.FIELDS_TOO_MANY,
                    (subtable == null ? "A form" : "A subtable") + " has at most " + limit + " fields"));
        }
        for (int i = 0; i < node.size(); i++) {
            String fieldPointer = JsonPointers.append(pointer, i);
            JsonNode element = node.get(i);
            if (!element.isObject()) {
                problems.add(Problem.error(fieldPointer, DefinitionCodes.PROPERTY_TYPE, "A field must be an object"));
                continue;
            }
            FieldReader.Result read = FieldReader.read(new Props(element, fieldPointer, problems), subtable, sources);
            if (read.key() == null) {
                continue;
            }
            if (!seen.add(read.key())) {
                problems.add(Problem.error(JsonPointers.append(fieldPointer, "key"), DefinitionCodes.FIELD_KEY_DUPLICATE,
                        "Another field at this level has the same key"));
                continue;
            }
            if (read.field() != null) {
                fields.add(read.field());
                sources.putField(subtable, read.key(), fieldPointer);
            }
        }
        return new Result(fields, seen);
    }
}
