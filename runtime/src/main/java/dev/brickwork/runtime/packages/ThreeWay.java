package dev.brickwork.runtime.packages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An upgrade's merge of three definitions: the one the app was installed from (base), the one published now (mine:
 * base plus an admin's edits) and the package's new one (theirs). What only the package changed is taken, what only
 * the admin changed is kept, and what both changed differently is a conflict: the admin's version stays and the
 * conflict is reported. A form merges property by property and its fields field by field (by key), so an admin's
 * added field survives an upgrade that adds others; anything else merges as a whole.
 */
final class ThreeWay {

    /** A part both sides changed; {@code pointer} is into the package's definition (or the stored one when the package removed it). */
    record Conflict(String pointer, String message) {
    }

    record Merged(JsonNode result, List<Conflict> conflicts) {
    }

    private ThreeWay() {
    }

    /** A whole value: a flow, a role. {@code base} null when the app was not installed from a package. */
    static Merged whole(JsonNode base, JsonNode mine, JsonNode theirs, String at) {
        if (mine == null || Objects.equals(mine, theirs) || Objects.equals(base, mine)) {
            return new Merged(theirs, List.of());
        }
        if (Objects.equals(base, theirs)) {
            return new Merged(mine, List.of());
        }
        return new Merged(mine, List.of(new Conflict(at, "Changed here since the package was installed, and changed by the package;"
                + " the app's version is kept.")));
    }

    /** A form definition: property by property, {@code fields} field by field. */
    static Merged form(JsonNode base, JsonNode mine, JsonNode theirs, String at) {
        if (mine == null || Objects.equals(mine, theirs)) {
            return new Merged(theirs, List.of());
        }
        List<Conflict> conflicts = new ArrayList<>();
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        Set<String> names = new LinkedHashSet<>();
        theirs.fieldNames().forEachRemaining(names::add);
        mine.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            JsonNode b = base == null ? null : base.get(name);
            JsonNode m = mine.get(name);
            JsonNode t = theirs.get(name);
            JsonNode merged;
            if (name.equals("fields") && m != null && m.isArray() && t != null && t.isArray()) {
                merged = fields(b == null || !b.isArray() ? null : b, m, t, at + "/fields", conflicts);
            } else {
                Merged one = part(b, m, t, at + "/" + name, base == null);
                conflicts.addAll(one.conflicts());
                merged = one.result();
            }
            if (merged != null) {
                result.set(name, merged);
            }
        }
        return new Merged(result, conflicts);
    }

    /**
     * One part, present or not on each side. Without a base (an app not installed from a package) a part present on
     * both sides and different is a conflict; one only the package has is taken, one only the app has is kept.
     */
    private static Merged part(JsonNode b, JsonNode m, JsonNode t, String at, boolean noBase) {
        if (Objects.equals(m, t)) {
            return new Merged(t, List.of());
        }
        if (noBase) {
            if (m == null || t == null) {
                return new Merged(m == null ? t : m, List.of());
            }
            return new Merged(m, List.of(new Conflict(at, "The app has this differently from the package; the app's version is kept.")));
        }
        if (Objects.equals(b, m)) {
            return new Merged(t, List.of());
        }
        if (Objects.equals(b, t)) {
            return new Merged(m, List.of());
        }
        return new Merged(m, List.of(new Conflict(at, "Changed here since the package was installed, and changed by the package;"
                + " the app's version is kept.")));
    }

    private static ArrayNode fields(JsonNode base, JsonNode mine, JsonNode theirs, String at, List<Conflict> conflicts) {
        Map<String, JsonNode> b = byKey(base);
        Map<String, JsonNode> m = byKey(mine);
        Map<String, JsonNode> t = byKey(theirs);
        Map<String, Integer> theirIndex = new LinkedHashMap<>();
        int i = 0;
        for (String key : t.keySet()) {
            theirIndex.put(key, i++);
        }
        Set<String> keys = new LinkedHashSet<>(t.keySet());
        keys.addAll(m.keySet());
        ArrayNode result = JsonNodeFactory.instance.arrayNode();
        for (String key : keys) {
            String pointer = theirIndex.containsKey(key) ? at + "/" + theirIndex.get(key) : at;
            Merged one = part(b.get(key), m.get(key), t.get(key), pointer, base == null);
            conflicts.addAll(one.conflicts());
            if (one.result() != null) {
                result.add(one.result());
            }
        }
        return result;
    }

    private static Map<String, JsonNode> byKey(JsonNode fields) {
        Map<String, JsonNode> byKey = new LinkedHashMap<>();
        if (fields != null) {
            for (JsonNode field : fields) {
                byKey.put(field.path("key").asText(), field);
            }
        }
        return byKey;
    }
}
