package dev.brickwork.forms.read;

import dev.brickwork.forms.JsonPointers;

import java.util.HashMap;
import java.util.Map;

/** The JSON pointers of the fields and rules of a read definition, so semantic problems land where the client wrote them. */
public final class SourceMap {

    private final Map<String, String> fields = new HashMap<>();
    private final Map<String, String> rules = new HashMap<>();

    /** The pointer of a top-level field ({@code subtable} null) or of a field of a subtable's rows. */
    public String field(String subtable, String key) {
        return fields.getOrDefault(fieldKey(subtable, key), "");
    }

    /** The pointer of a property of a field, e.g. {@code /fields/5/expression}. */
    public String fieldProperty(String subtable, String key, String property) {
        return JsonPointers.append(field(subtable, key), property);
    }

    /** The pointer of a rule, by its key. */
    public String rule(String key) {
        return rules.getOrDefault(key, "");
    }

    void putField(String subtable, String key, String pointer) {
        fields.put(fieldKey(subtable, key), pointer);
    }

    void putRule(String key, String pointer) {
        rules.put(key, pointer);
    }

    private static String fieldKey(String subtable, String key) {
        return subtable == null ? key : subtable + "\u0000" + key;
    }
}
