package dev.brickwork.forms.filter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brickwork.forms.JsonPointers;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Walks a filter's structure (docs/spec.md §4): {@code and}/{@code or} groups, conditions with their known
 * properties and operator, the depth and condition limits. What a condition's field and value mean is the
 * {@link Builder}'s: a list query resolves them against a table, a definition's check against a form.
 */
public final class FilterTree {

    private static final Set<String> CONDITION = Set.of("field", "op", "value");

    /** Builds a filter of type {@code T} from the walked structure; told every problem with its pointer. */
    public interface Builder<T> {

        T group(boolean any, List<T> members);

        /**
         * One condition whose properties are known ones; {@code op} is null when missing or unknown (already
         * reported), so the field can still be checked. Null when it is refused.
         */
        T condition(JsonNode condition, FilterOp op, String pointer);

        void problem(String pointer, String code, String message);
    }

    private final Builder<?> builder;
    private final String root;
    private int conditions;

    private FilterTree(Builder<?> builder, String root) {
        this.builder = builder;
        this.root = root;
    }

    /** The built filter, or null when any part of it was refused (every problem told to the builder). */
    public static <T> T walk(JsonNode root, String pointer, Builder<T> builder) {
        return new FilterTree(builder, pointer).node(root, pointer, 0, builder);
    }

    private <T> T node(JsonNode node, String pointer, int depth, Builder<T> into) {
        if (!node.isObject()) {
            problem(pointer, FilterCodes.FILTER_NODE_INVALID,
                    "Expected an object: {\"and\": [...]}, {\"or\": [...]} or a condition.");
            return null;
        }
        boolean and = node.has("and");
        boolean or = node.has("or");
        if (and && or) {
            problem(pointer, FilterCodes.FILTER_NODE_INVALID, "A node is either \"and\" or \"or\", not both.");
            return null;
        }
        if (and || or) {
            return group(node, pointer, and ? "and" : "or", depth + 1, into);
        }
        return condition(node, pointer, into);
    }

    private <T> T group(JsonNode node, String pointer, String kind, int depth, Builder<T> into) {
        unknownProperties(node, pointer, Set.of(kind));
        if (depth > FilterLimits.MAX_DEPTH) {
            problem(pointer, FilterCodes.FILTER_TOO_DEEP, "Groups nest at most " + FilterLimits.MAX_DEPTH + " deep.");
            return null;
        }
        JsonNode members = node.get(kind);
        String at = JsonPointers.append(pointer, kind);
        if (!members.isArray() || members.isEmpty()) {
            problem(at, FilterCodes.FILTER_NODE_INVALID, "Expected a non-empty array of nodes.");
            return null;
        }
        List<T> built = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            built.add(node(members.get(i), JsonPointers.append(at, i), depth, into));
        }
        return built.contains(null) ? null : into.group(kind.equals("or"), built);
    }

    private <T> T condition(JsonNode node, String pointer, Builder<T> into) {
        if (++conditions > FilterLimits.MAX_CONDITIONS) {
            if (conditions == FilterLimits.MAX_CONDITIONS + 1) {
                problem(root, FilterCodes.FILTER_TOO_MANY_CONDITIONS,
                        "A filter has at most " + FilterLimits.MAX_CONDITIONS + " conditions.");
            }
            return null;
        }
        unknownProperties(node, pointer, CONDITION);
        if (node.get("field") == null) {
            problem(JsonPointers.append(pointer, "field"), FilterCodes.FILTER_PROPERTY_MISSING, "A condition needs a field.");
        }
        FilterOp op = op(node.get("op"), JsonPointers.append(pointer, "op"));
        return node.get("field") == null ? null : into.condition(node, op, pointer);
    }

    private FilterOp op(JsonNode node, String pointer) {
        if (node == null) {
            problem(pointer, FilterCodes.FILTER_PROPERTY_MISSING, "A condition needs an op.");
            return null;
        }
        Optional<FilterOp> op = node.isTextual() ? FilterOp.fromJson(node.textValue()) : Optional.empty();
        if (op.isEmpty()) {
            problem(pointer, FilterCodes.FILTER_OP_UNKNOWN, "Unknown operator.");
        }
        return op.orElse(null);
    }

    private void unknownProperties(JsonNode node, String pointer, Set<String> allowed) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                problem(JsonPointers.append(pointer, name), FilterCodes.FILTER_PROPERTY_UNKNOWN, "Unknown property.");
            }
        }
    }

    private void problem(String pointer, String code, String message) {
        builder.problem(pointer, code, message);
    }
}
