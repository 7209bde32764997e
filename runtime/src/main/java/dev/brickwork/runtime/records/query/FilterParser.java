package dev.brickwork.runtime.records.query;

import dev.brickwork.forms.filter.FilterKind;
import dev.brickwork.forms.filter.FilterOp;
import dev.brickwork.forms.filter.FilterTree;
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

import java.util.List;
import java.util.Optional;

/**
 * Reads the {@code filter} parameter into a {@link Filter}, reporting every problem with a pointer into it
 * ({@code /filter/and/0/field}). Nothing the client sent is trusted: fields are resolved against the form,
 * operators against the whitelist, values converted to the column's type.
 */
final class FilterParser {

    private static final String ROOT = "/filter";
    // JSON is read one way everywhere: exact decimals, and a repeated key is as malformed as a missing brace
    private static final ObjectReader READER = JsonBodies.mapper().reader();

    private final FormTable table;
    private final Complaints complaints;

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
        Filter filter = FilterTree.walk(root, ROOT, new FilterParser(table, complaints).builder());
        return filter == null || complaints.size() > before ? Optional.empty() : Optional.of(filter);
    }

    /** The structure is the filter language's (engine-forms); conditions resolve against this table. */
    private FilterTree.Builder<Filter> builder() {
        return new FilterTree.Builder<>() {
            @Override
            public Filter group(boolean any, List<Filter> members) {
                return new Filter.Group(any, members);
            }

            @Override
            public Filter condition(JsonNode condition, FilterOp op, String pointer) {
                return FilterParser.this.condition(condition, op, pointer);
            }

            @Override
            public void problem(String pointer, String code, String message) {
                error(pointer, code, message);
            }
        };
    }

    private Filter condition(JsonNode node, FilterOp op, String pointer) {
        QueryField field = field(node.get("field"), JsonPointers.append(pointer, "field"));
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

    private void error(String pointer, String code, String message) {
        complaints.add(QueryProblem.FILTER_INVALID, pointer, code, message);
    }
}
