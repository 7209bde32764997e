package dev.brickwork.runtime.records.query;

import dev.brickwork.forms.filter.FilterOp;
import com.fasterxml.jackson.databind.JsonNode;
import dev.brickwork.designer.migration.ColumnType;
import dev.brickwork.forms.JsonPointers;

import java.util.ArrayList;
import java.util.List;

/** The shape of a condition's value per operator: one value, a list, a pair, a flag or a search string. */
final class ConditionValues {

    static final int MAX_LIST = dev.brickwork.forms.filter.FilterLimits.MAX_LIST;

    /** The converted value, or where and why it is wrong. */
    record Result(Object value, List<Problem> problems) {
        static Result ok(Object value) {
            return new Result(value, List.of());
        }

        static Result wrong(String pointer, String message) {
            return new Result(null, List.of(new Problem(pointer, message)));
        }
    }

    record Problem(String pointer, String message) {
    }

    private ConditionValues() {
    }

    static Result read(JsonNode value, ColumnType type, FilterOp op, String pointer) {
        return switch (op) {
            case IS_NULL -> value.isBoolean() ? Result.ok(value.booleanValue())
                    : Result.wrong(pointer, "Expected true (is empty) or false (is not empty).");
            case CONTAINS, STARTS_WITH -> {
                String text = FilterValues.text(value);
                yield text == null ? Result.wrong(pointer, FilterValues.expected(ColumnType.TEXT)) : Result.ok(text);
            }
            case IN, NIN -> list(value, type, pointer, 1);
            case BETWEEN -> pair(value, type, pointer);
            case EQ, NE -> type == ColumnType.TEXT_ARRAY ? list(value, type, pointer, 0) : single(value, type, pointer);
            case LT, LTE, GT, GTE -> single(value, type, pointer);
        };
    }

    private static Result single(JsonNode value, ColumnType type, String pointer) {
        Object converted = FilterValues.scalar(value, type);
        return converted == null ? Result.wrong(pointer, FilterValues.expected(type)) : Result.ok(converted);
    }

    /** A list of values; a multiselect's is a {@code String[]} (bound as text[]), any other a {@code List}. */
    private static Result list(JsonNode value, ColumnType type, String pointer, int min) {
        if (!value.isArray() || value.size() < min || value.size() > MAX_LIST) {
            return Result.wrong(pointer, "Expected an array of " + (min == 0 ? "at most " : "1 to ") + MAX_LIST + " values.");
        }
        List<Object> items = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            Object item = FilterValues.scalar(value.get(i), type);
            if (item == null) {
                problems.add(new Problem(JsonPointers.append(pointer, i), FilterValues.expected(type)));
            }
            items.add(item);
        }
        if (!problems.isEmpty()) {
            return new Result(null, List.copyOf(problems));
        }
        return Result.ok(type == ColumnType.TEXT_ARRAY ? items.toArray(String[]::new) : List.copyOf(items));
    }

    private static Result pair(JsonNode value, ColumnType type, String pointer) {
        if (!value.isArray() || value.size() != 2) {
            return Result.wrong(pointer, "Expected an array of two values: [from, to], both included.");
        }
        return list(value, type, pointer, 2);
    }
}
