package dev.brickwork.runtime.records.query;

import dev.brickwork.forms.filter.FilterKind;
import dev.brickwork.forms.filter.FilterLimits;
import dev.brickwork.forms.filter.FilterOp;
import dev.brickwork.forms.StorableText;
import dev.brickwork.runtime.records.sql.SensitiveValues;
import dev.brickwork.designer.migration.ColumnType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.brickwork.forms.JsonPointers;
import dev.brickwork.platform.http.JsonBodies;
import dev.brickwork.platform.http.JsonText;
import dev.brickwork.runtime.records.sql.FormTable;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the {@code filter} parameter into a {@link Filter}, reporting every problem with a pointer into it
 * ({@code /filter/and/0/field}). Nothing the client sent is trusted: fields are resolved against the form,
 * operators against the whitelist, values converted to the column's type.
 */
final class FilterParser {

    static final int MAX_DEPTH = FilterLimits.MAX_DEPTH;
    static final int MAX_CONDITIONS = FilterLimits.MAX_CONDITIONS;

    private static final String ROOT = "/filter";
    private static final Set<String> CONDITION_PROPERTIES = Set.of("field", "op", "value");
    // JSON is read one way everywhere: exact decimals, and a repeated key is as malformed as a missing brace
    private static final ObjectReader READER = JsonBodies.mapper().reader();

    private final FormTable table;
    private final Complaints complaints;
    private int conditions;

    private FilterParser(FormTable table, Complaints complaints) {
        this.table = table;
        this.complaints = complaints;
    }

    /** The filter of a list call, from its query string or its body. */
    static Optional<Filter> parse(ListRequest request, FormTable table, Complaints complaints) {
        return request.filterObject() != null ? parse(request.filterObject(), table, complaints)
                : parse(request.filter(), table, complaints);
    }

    /** The filter, or empty when none was given or it has problems (then they are in {@code complaints}). */
    static Optional<Filter> parse(String text, FormTable table, Complaints complaints) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = READER.readTree(text);
        } catch (JsonProcessingException e) {
            Optional<String> duplicate = JsonBodies.duplicateKey(e);
            complaints.add(QueryProblem.FILTER_MALFORMED, duplicate.map(at -> ROOT + at).orElse(ROOT),
                    duplicate.isPresent() ? JsonBodies.DUPLICATE_KEY : QueryCodes.FILTER_MALFORMED,
                    duplicate.isPresent() ? "This key appears earlier in the same object." : "The filter is not valid JSON.");
            return Optional.empty();
        } catch (NumberFormatException e) {
            complaints.add(QueryProblem.FILTER_INVALID, ROOT, JsonBodies.NUMBER_OUT_OF_RANGE,
                    "A number in the filter is beyond any range that can be stored.");
            return Optional.empty();
        }
        if (root == null || root.isMissingNode()) {
            complaints.add(QueryProblem.FILTER_MALFORMED, ROOT, QueryCodes.FILTER_MALFORMED, "The filter is not valid JSON.");
            return Optional.empty();
        }
        return parse(root, table, complaints);
    }

    /** A filter already read as JSON (a query body's {@code filter}); its pointers are the same, under {@code /filter}. */
    static Optional<Filter> parse(JsonNode root, FormTable table, Complaints complaints) {
        Optional<String> unstorable = StorableText.firstUnstorable(root, ROOT);
        if (unstorable.isPresent()) {
            complaints.add(QueryProblem.FILTER_INVALID, unstorable.get(), JsonText.TEXT_INVALID, JsonText.error("").message());
            return Optional.empty();
        }
        int before = complaints.size();
        Filter filter = new FilterParser(table, complaints).node(root, ROOT, 0);
        return filter == null || complaints.size() > before ? Optional.empty() : Optional.of(filter);
    }

    private Filter node(JsonNode node, String pointer, int depth) {
        if (!node.isObject()) {
            error(pointer, QueryCodes.FILTER_NODE_INVALID, "Expected an object: {\"and\": [...]}, {\"or\": [...]} or a condition.");
            return null;
        }
        boolean and = node.has("and");
        boolean or = node.has("or");
        if (and && or) {
            error(pointer, QueryCodes.FILTER_NODE_INVALID, "A node is either \"and\" or \"or\", not both.");
            return null;
        }
        if (and || or) {
            return group(node, pointer, and ? "and" : "or", depth + 1);
        }
        return condition(node, pointer);
    }

    private Filter group(JsonNode node, String pointer, String kind, int depth) {
        unknownProperties(node, pointer, Set.of(kind));
        if (depth > MAX_DEPTH) {
            error(pointer, QueryCodes.FILTER_TOO_DEEP, "Groups nest at most " + MAX_DEPTH + " deep.");
            return null;
        }
        JsonNode members = node.get(kind);
        String at = JsonPointers.append(pointer, kind);
        if (!members.isArray() || members.isEmpty()) {
            error(at, QueryCodes.FILTER_NODE_INVALID, "Expected a non-empty array of nodes.");
            return null;
        }
        List<Filter> parsed = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            parsed.add(node(members.get(i), JsonPointers.append(at, i), depth));
        }
        return parsed.contains(null) ? null : new Filter.Group(kind.equals("or"), parsed);
    }

    private Filter condition(JsonNode node, String pointer) {
        if (++conditions > MAX_CONDITIONS) {
            if (conditions == MAX_CONDITIONS + 1) {
                error(ROOT, QueryCodes.FILTER_TOO_MANY_CONDITIONS, "A filter has at most " + MAX_CONDITIONS + " conditions.");
            }
            return null;
        }
        unknownProperties(node, pointer, CONDITION_PROPERTIES);
        QueryField field = field(node.get("field"), JsonPointers.append(pointer, "field"));
        FilterOp op = op(node.get("op"), JsonPointers.append(pointer, "op"));
        if (field == null || op == null) {
            return null;
        }
        if (!FilterOp.applicableTo(kind(field.type())).contains(op)) {
            error(JsonPointers.append(pointer, "op"), QueryCodes.FILTER_OP_UNSUPPORTED, "This operator does not apply to this field's type.");
            return null;
        }
        String valuePointer = JsonPointers.append(pointer, "value");
        if (!node.has("value")) {
            error(valuePointer, QueryCodes.FILTER_PROPERTY_MISSING, "A condition needs a value.");
            return null;
        }
        ConditionValues.Result value = ConditionValues.read(node.get("value"), field.type(), op, valuePointer);
        if (!value.problems().isEmpty()) {
            value.problems().forEach(p -> error(p.pointer(), QueryCodes.FILTER_VALUE_INVALID, p.message()));
            return null;
        }
        return new Filter.Condition(field, op, field.type() == ColumnType.BYTEA ? hashed(value.value()) : value.value());
    }

    /** What the operators see of a column type: a sensitive field's hash is compared for equality only. */
    static FilterKind kind(ColumnType type) {
        return switch (type) {
            case TEXT -> FilterKind.TEXT;
            case BIGINT, NUMERIC, DATE, TIMESTAMPTZ -> FilterKind.ORDERED;
            case BOOLEAN -> FilterKind.BOOLEAN;
            case UUID, BYTEA -> FilterKind.EQUALITY;
            case TEXT_ARRAY -> FilterKind.LIST;
            case JSONB -> FilterKind.NONE;
        };
    }

    /** A sensitive field is compared through its keyed hash: the values are hashed as they would be when stored. */
    private Object hashed(Object value) {
        if (value instanceof String text) {
            return SensitiveValues.hash(table, text);
        }
        if (value instanceof Object[] items) {
            Object[] hashes = new Object[items.length];
            for (int i = 0; i < items.length; i++) {
                hashes[i] = items[i] instanceof String text ? SensitiveValues.hash(table, text) : items[i];
            }
            return hashes;
        }
        return value;
    }

    private QueryField field(JsonNode node, String pointer) {
        if (node == null) {
            error(pointer, QueryCodes.FILTER_PROPERTY_MISSING, "A condition needs a field.");
            return null;
        }
        if (!node.isTextual()) {
            error(pointer, QueryCodes.FILTER_FIELD_UNKNOWN, "No such field.");
            return null;
        }
        QueryField.Resolution resolution = QueryField.resolve(table, node.textValue());
        if (resolution.refusal() == QueryField.Refusal.UNKNOWN) {
            error(pointer, QueryCodes.FILTER_FIELD_UNKNOWN, "No such field.");
        } else if (resolution.refusal() == QueryField.Refusal.NOT_QUERYABLE) {
            error(pointer, QueryCodes.FILTER_FIELD_NOT_FILTERABLE, "Subtables and attachments cannot be filtered.");
        }
        return resolution.field();
    }

    private FilterOp op(JsonNode node, String pointer) {
        if (node == null) {
            error(pointer, QueryCodes.FILTER_PROPERTY_MISSING, "A condition needs an op.");
            return null;
        }
        Optional<FilterOp> op = node.isTextual() ? FilterOp.fromJson(node.textValue()) : Optional.empty();
        if (op.isEmpty()) {
            error(pointer, QueryCodes.FILTER_OP_UNKNOWN, "Unknown operator.");
        }
        return op.orElse(null);
    }

    private void unknownProperties(JsonNode node, String pointer, Set<String> allowed) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                error(JsonPointers.append(pointer, name), QueryCodes.FILTER_PROPERTY_UNKNOWN, "Unknown property.");
            }
        }
    }

    private void error(String pointer, String code, String message) {
        complaints.add(QueryProblem.FILTER_INVALID, pointer, code, message);
    }
}
