package dev.brickwork.workflow.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brickwork.forms.JsonPointers;
import dev.brickwork.forms.Problem;
import dev.brickwork.forms.read.DefinitionCodes;

import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the properties of one JSON object, reporting each problem at the property's pointer and returning null
 * for anything absent or unusable. An explicit JSON null counts as absent. (engine-forms has its own, package-private.)
 */
final class Props {

    static final Pattern KEY = Pattern.compile("^[a-z][a-z0-9_]{0,39}$");

    private final JsonNode object;
    private final String pointer;
    private final List<Problem> problems;

    Props(JsonNode object, String pointer, List<Problem> problems) {
        this.object = object;
        this.pointer = pointer;
        this.problems = problems;
    }

    String pointer() {
        return pointer;
    }

    String pointer(String name) {
        return JsonPointers.append(pointer, name);
    }

    List<Problem> problems() {
        return problems;
    }

    void error(String name, String code, String message) {
        problems.add(Problem.error(name == null ? pointer : pointer(name), code, message));
    }

    boolean has(String name) {
        return node(name) != null;
    }

    JsonNode node(String name) {
        JsonNode node = object.get(name);
        return node == null || node.isNull() ? null : node;
    }

    void allowOnly(Set<String> allowed, String what) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                error(name, DefinitionCodes.PROPERTY_UNKNOWN, "Unknown property of " + what);
            }
        }
    }

    String string(String name, boolean required) {
        JsonNode node = node(name);
        if (node == null) {
            if (required) {
                error(name, DefinitionCodes.PROPERTY_REQUIRED, "Property '" + name + "' is required");
            }
            return null;
        }
        if (!node.isTextual() || node.textValue().isBlank()) {
            error(name, DefinitionCodes.PROPERTY_TYPE, "Property '" + name + "' must be a non-empty string");
            return null;
        }
        return node.textValue();
    }

    String key(String name, boolean required) {
        String value = string(name, required);
        if (value != null && !KEY.matcher(value).matches()) {
            error(name, DefinitionCodes.KEY_INVALID,
                    "A key starts with a-z and has at most 40 characters a-z, 0-9 and _");
            return null;
        }
        return value;
    }

    boolean bool(String name) {
        JsonNode node = node(name);
        if (node == null) {
            return false;
        }
        if (!node.isBoolean()) {
            error(name, DefinitionCodes.PROPERTY_TYPE, "Property '" + name + "' must be true or false");
            return false;
        }
        return node.booleanValue();
    }

    /** An array, or null (reported when required or not an array). */
    JsonNode array(String name, boolean required) {
        JsonNode node = node(name);
        if (node == null) {
            if (required) {
                error(name, DefinitionCodes.PROPERTY_REQUIRED, "Property '" + name + "' is required");
            }
            return null;
        }
        if (!node.isArray()) {
            error(name, DefinitionCodes.PROPERTY_TYPE, "Property '" + name + "' must be an array");
            return null;
        }
        return node;
    }

    /** An object, or null (reported when required or not an object). */
    JsonNode object(String name, boolean required) {
        JsonNode node = node(name);
        if (node == null) {
            if (required) {
                error(name, DefinitionCodes.PROPERTY_REQUIRED, "Property '" + name + "' is required");
            }
            return null;
        }
        if (!node.isObject()) {
            error(name, DefinitionCodes.PROPERTY_TYPE, "Property '" + name + "' must be an object");
            return null;
        }
        return node;
    }
}
