package dev.brickwork.runtime.views;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.forms.JsonPointers;
import dev.brickwork.platform.http.ProblemError;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A saved view's body read by hand (decision 0016): what it names, its type and the list state, every problem located
 * and none echoing the value. What needs the form (field keys, the filter's meaning) is checked afterwards, against
 * what the caller may see.
 *
 * @param state the list state as stored: {@code columns}, {@code filter}, {@code sort}, {@code q}, {@code groupBy}
 */
record ViewBody(String name, boolean shared, String type, ObjectNode state, List<ProblemError> errors) {

    static final int MAX_NAME = 100;
    static final int MAX_COLUMNS = 100;
    static final int MAX_SORT = 300;
    static final int MAX_Q = 200;
    private static final Set<String> KNOWN = Set.of("name", "shared", "type", "columns", "filter", "presets", "sort", "q",
            "groupBy", "id", "owner", "version", "createdAt", "updatedAt", "can");
    /** Date ranges named relative to today, which a client works out again each time it opens the view. */
    static final Set<String> PRESETS = Set.of("today", "thisWeek", "thisMonth", "lastMonth", "thisQuarter", "thisYear",
            "last7", "last30");
    private static final java.util.regex.Pattern CONDITION = java.util.regex.Pattern.compile("(/(and|or)/[0-9]{1,3}){0,4}");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    static ViewBody read(JsonNode body) {
        List<ProblemError> errors = new ArrayList<>();
        if (!body.isObject()) {
            errors.add(ProblemError.of("", "BODY_NOT_OBJECT", "A view is a JSON object."));
            return new ViewBody(null, false, null, JSON.objectNode(), errors);
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KNOWN.contains(name)) {
                errors.add(ProblemError.of(JsonPointers.append("", name), "PROPERTY_UNKNOWN",
                        "A view has name, shared, type, columns, filter, sort, q and groupBy."));
            }
        }
        String name = text(body, "name", MAX_NAME, true, errors);
        JsonNode shared = body.path("shared");
        if (!shared.isMissingNode() && !shared.isNull() && !shared.isBoolean()) {
            errors.add(ProblemError.of("/shared", "VIEW_SHARED_INVALID", "shared is true or false."));
        }
        String type = body.path("type").isMissingNode() || body.path("type").isNull() ? "table" : body.path("type").asText("");
        if (!body.path("type").isMissingNode() && !body.path("type").isNull() && !body.path("type").isTextual()
                || !type.equals("table") && !type.equals("kanban")) {
            errors.add(ProblemError.of("/type", "VIEW_TYPE_INVALID", "A view's type is table or kanban."));
        }
        ObjectNode state = JSON.objectNode();
        state.set("columns", columns(body.path("columns"), errors));
        JsonNode filter = body.path("filter");
        if (!filter.isMissingNode() && !filter.isNull() && !filter.isObject()) {
            errors.add(ProblemError.of("/filter", "VIEW_FILTER_INVALID", "filter is a filter object of the list API, or null."));
        }
        state.set("filter", filter.isObject() ? filter : JSON.nullNode());
        state.set("presets", presets(body.path("presets"), errors));
        state.put("sort", text(body, "sort", MAX_SORT, false, errors));
        state.put("q", text(body, "q", MAX_Q, false, errors));
        String groupBy = text(body, "groupBy", MAX_NAME, false, errors);
        if (type.equals("kanban") && groupBy == null) {
            errors.add(ProblemError.of("/groupBy", "VIEW_GROUP_REQUIRED", "A kanban view names the select field its columns are."));
        }
        state.put("groupBy", type.equals("kanban") ? groupBy : null);
        return new ViewBody(name, shared.asBoolean(false), type, state, errors);
    }

    private static ArrayNode columns(JsonNode columns, List<ProblemError> errors) {
        ArrayNode read = JSON.arrayNode();
        if (columns.isMissingNode() || columns.isNull()) {
            return read;
        }
        if (!columns.isArray() || columns.size() > MAX_COLUMNS) {
            errors.add(ProblemError.of("/columns", "VIEW_COLUMNS_INVALID", "columns is an array of at most " + MAX_COLUMNS + " field keys."));
            return read;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < columns.size(); i++) {
            JsonNode column = columns.get(i);
            if (!column.isTextual() || column.asText().isEmpty()) {
                errors.add(ProblemError.of("/columns/" + i, "VIEW_COLUMN_INVALID", "A column is a field key."));
            } else if (!seen.add(column.asText())) {
                errors.add(ProblemError.of("/columns/" + i, "VIEW_COLUMN_REPEATED", "This column is already in the view."));
            } else {
                read.add(column.asText());
            }
        }
        return read;
    }

    /** Condition pointer ("/and/0", "" for a lone condition) to a preset's name; an empty object without any. */
    private static ObjectNode presets(JsonNode presets, List<ProblemError> errors) {
        ObjectNode read = JSON.objectNode();
        if (presets.isMissingNode() || presets.isNull()) {
            return read;
        }
        if (!presets.isObject() || presets.size() > MAX_COLUMNS) {
            errors.add(ProblemError.of("/presets", "VIEW_PRESETS_INVALID", "presets maps a condition's pointer in the filter to a date range."));
            return read;
        }
        presets.fields().forEachRemaining(entry -> {
            if (!CONDITION.matcher(entry.getKey()).matches() || !entry.getValue().isTextual() || !PRESETS.contains(entry.getValue().asText())) {
                errors.add(ProblemError.of("/presets", "VIEW_PRESET_INVALID",
                        "A preset is one of " + String.join(", ", new java.util.TreeSet<>(PRESETS)) + ", at a condition of the filter."));
            } else {
                read.set(entry.getKey(), entry.getValue());
            }
        });
        return read;
    }

    /** A string property, stripped; null when absent, null or (when optional) blank. */
    private static String text(JsonNode body, String property, int max, boolean required, List<ProblemError> errors) {
        JsonNode node = body.path(property);
        if (node.isMissingNode() || node.isNull()) {
            if (required) {
                errors.add(ProblemError.of("/" + property, "PROPERTY_REQUIRED", "A view has a " + property + "."));
            }
            return null;
        }
        String text = node.isTextual() ? node.asText().strip() : null;
        if (text == null || text.length() > max || required && text.isEmpty()) {
            errors.add(ProblemError.of("/" + property, "VIEW_TEXT_INVALID", property + " is text of 1 to " + max + " characters."));
            return null;
        }
        return text.isEmpty() ? null : text;
    }
}
