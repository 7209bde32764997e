package dev.brickwork.forms.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brickwork.forms.JsonPointers;
import dev.brickwork.forms.Problem;
import dev.brickwork.forms.model.Label;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the properties of one JSON object, reporting each problem at the property's pointer and returning null
 * for anything absent or unusable. An explicit JSON null counts as absent. engine-workflow's readers use it too:
 * flows are read the same way as forms.
 */
public final class Props {

    public static final Pattern KEY = Pattern.compile("^[a-z][a-z0-9_]{0,39}$");
    private static final Pattern DECIMAL = Pattern.compile("^-?\\d{1,30}(\\.\\d{1,30})?$");

    private final JsonNode object;
    private final String pointer;
    private final List<Problem> problems;

    public Props(JsonNode object, String pointer, List<Problem> problems) {
        this.object = object;
        this.pointer = pointer;
        this.problems = problems;
    }

    public String pointer() {
        return pointer;
    }

    public String pointer(String name) {
        return JsonPointers.append(pointer, name);
    }

    public List<Problem> problems() {
        return problems;
    }

    public void error(String name, String code, String message) {
        problems.add(Problem.error(name == null ? pointer : pointer(name), code, message));
    }

    public boolean has(String name) {
        JsonNode node = object.get(name);
        return node != null && !node.isNull();
    }

    public JsonNode node(String name) {
        JsonNode node = object.get(name);
        return node == null || node.isNull() ? null : node;
    }

    /** Reports every property not in {@code allowed}. */
    public void allowOnly(Set<String> allowed, String what) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                error(name, DefinitionCodes.PROPERTY_UNKNOWN, "Unknown property of " + what);
            }
        }
    }

    public String string(String name, boolean required) {
        JsonNode node = node(name);
        if (node == null) {
            if (required) {
                error(name, DefinitionCodes.PROPERTY_REQUIRED, "Property '" + name + "' is required");
            }
            return null;
        }
        if (!node.isTextual()) {
            error(name, DefinitionCodes.PROPERTY_TYPE, "Property '" + name + "' must be a string");
            return null;
        }
        return node.textValue();
    }

    /** A string in key syntax ({@code ^[a-z][a-z0-9_]{0,39}$}). */
    public String key(String name, boolean required) {
        String value = string(name, required);
        if (value != null && !KEY.matcher(value).matches()) {
            error(name, DefinitionCodes.KEY_INVALID,
                    "A key starts with a-z and has at most 40 characters a-z, 0-9 and _");
            return null;
        }
        return value;
    }

    public boolean bool(String name) {
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

    /** An integer in {@code [min, max]}. */
    public Integer integer(String name, int min, int max) {
        JsonNode node = node(name);
        if (node == null) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < min || node.intValue() > max) {
            error(name, DefinitionCodes.PROPERTY_TYPE,
                    "Property '" + name + "' must be an integer from " + min + " to " + max);
            return null;
        }
        return node.intValue();
    }

    /** A JSON number or a numeric string, read as an exact decimal. */
    public BigDecimal decimal(String name) {
        JsonNode node = node(name);
        if (node == null) {
            return null;
        }
        BigDecimal value = decimalOf(node);
        if (value == null) {
            error(name, DefinitionCodes.PROPERTY_TYPE, "Property '" + name + "' must be a number");
        }
        return value;
    }

    /** A JSON number or numeric string as an exact decimal, or null; absurd magnitudes are refused. */
    public static BigDecimal decimalOf(JsonNode node) {
        if (node.isNumber()) {
            if ((node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
                return null;
            }
            BigDecimal value = node.decimalValue();
            // absurd magnitudes would only make later arithmetic slow; same bound as numeric strings
            return value.precision() - value.scale() > 30 || value.scale() > 30 ? null : value;
        }
        if (node.isTextual() && DECIMAL.matcher(node.textValue()).matches()) {
            return new BigDecimal(node.textValue());
        }
        return null;
    }

    public Label label(String name) {
        JsonNode node = node(name);
        return node == null ? null : Labels.read(node, pointer(name), problems);
    }

    /** A string with something other than white space in it (flow and node texts), or null (reported). */
    public String nonBlank(String name, boolean required) {
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

    /** An array, or null (reported when required or not an array). */
    public JsonNode array(String name, boolean required) {
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
    public JsonNode object(String name, boolean required) {
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
