package dev.brickwork.forms.compile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brickwork.forms.JsonPointers;
import dev.brickwork.forms.Problem;
import dev.brickwork.forms.expr.DateRange;
import dev.brickwork.forms.expr.ValueType;
import dev.brickwork.forms.filter.FilterCodes;
import dev.brickwork.forms.filter.FilterKind;
import dev.brickwork.forms.filter.FilterLimits;
import dev.brickwork.forms.filter.FilterOp;
import dev.brickwork.forms.filter.FilterTree;
import dev.brickwork.forms.model.FieldDefinition;
import dev.brickwork.forms.model.FieldSpec;
import dev.brickwork.forms.model.FieldType;
import dev.brickwork.forms.model.FormDefinition;
import dev.brickwork.forms.model.SelectOption;
import dev.brickwork.forms.read.Props;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Checks a filter a definition carries (a roll-up's {@code filter}) against the form it filters, as the records list
 * would read it (docs/spec.md §4): the same structure, operators per kind of field and value shapes, so a filter
 * that compiled is one the runtime renders as SQL. Stricter in one way: a select's or multiselect's value must be
 * one of its options, since a value no record can hold is a mistake in a definition.
 */
final class FilterCheck {

    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final FormDefinition form;
    private final Function<String, Optional<ValueType>> computedType;
    private final Function<String, Optional<FieldDefinition>> lookedUp;
    private final List<Problem> problems;
    private int conditions;

    /**
     * @param form         the filtered form
     * @param computedType the value type of one of its formulas
     * @param lookedUp     the value shape of one of its lookups (filtered as the field it looks up)
     */
    FilterCheck(FormDefinition form, Function<String, Optional<ValueType>> computedType,
                Function<String, Optional<FieldDefinition>> lookedUp, List<Problem> problems) {
        this.form = form;
        this.computedType = computedType;
        this.lookedUp = lookedUp;
        this.problems = problems;
    }

    void check(JsonNode filter, String pointer) {
        FilterTree.walk(filter, pointer, new FilterTree.Builder<Boolean>() {
            @Override
            public Boolean group(boolean any, List<Boolean> members) {
                return true;
            }

            @Override
            public Boolean condition(JsonNode condition, FilterOp op, String at) {
                return FilterCheck.this.condition(condition, op, at) ? true : null;
            }

            @Override
            public void problem(String at, String code, String message) {
                error(at, code, message);
            }
        });
    }

    private boolean condition(JsonNode node, FilterOp op, String pointer) {
        FieldDefinition field = field(node.get("field"), JsonPointers.append(pointer, "field"));
        if (field == null || op == null) {
            return false;
        }
        FilterKind kind = FilterKind.of(field.type(), computedType.apply(field.key()).orElse(null));
        if (!FilterOp.applicableTo(kind).contains(op)) {
            error(JsonPointers.append(pointer, "op"), FilterCodes.FILTER_OP_UNSUPPORTED,
                    "This operator does not apply to this field's type");
            return false;
        }
        String at = JsonPointers.append(pointer, "value");
        JsonNode value = node.get("value");
        if (value == null) {
            error(at, FilterCodes.FILTER_PROPERTY_MISSING, "A condition needs a value");
            return false;
        }
        value(field, kind, op, value, at);
        return true;
    }

    private FieldDefinition field(JsonNode node, String pointer) {
        Optional<FieldDefinition> field = node.isTextual() ? form.field(node.textValue()) : Optional.empty();
        if (field.isPresent() && field.get().type() == FieldType.LOOKUP) {
            field = lookedUp.apply(field.get().key());
        }
        if (field.isEmpty()) {
            error(pointer, FilterCodes.FILTER_FIELD_UNKNOWN, "The filtered form has no field with this key");
            return null;
        }
        FieldType type = field.get().type();
        if (type == FieldType.SUBTABLE || type == FieldType.ATTACHMENT || field.get().sensitive()) {
            // a sensitive value is encrypted: a stored filter would hold it, or its hash, in the definition
            error(pointer, FilterCodes.FILTER_FIELD_NOT_FILTERABLE,
                    "Subtables, attachments and sensitive fields cannot be filtered here");
            return null;
        }
        return field.get();
    }

    private void value(FieldDefinition field, FilterKind kind, FilterOp op, JsonNode value, String pointer) {
        switch (op) {
            case IS_NULL -> {
                if (!value.isBoolean()) {
                    error(pointer, FilterCodes.FILTER_VALUE_INVALID, "Expected true (is empty) or false (is not empty)");
                }
            }
            case CONTAINS, STARTS_WITH -> {
                if (kind == FilterKind.LIST) {
                    scalar(field, value, pointer);
                } else if (!isText(value)) {
                    error(pointer, FilterCodes.FILTER_VALUE_INVALID, textExpected());
                }
            }
            case IN, NIN -> list(field, value, pointer, 1, FilterLimits.MAX_LIST);
            case BETWEEN -> list(field, value, pointer, 2, 2);
            case EQ, NE -> {
                if (kind == FilterKind.LIST) {
                    list(field, value, pointer, 0, FilterLimits.MAX_LIST);
                } else {
                    scalar(field, value, pointer);
                }
            }
            case LT, LTE, GT, GTE -> scalar(field, value, pointer);
        }
    }

    private void list(FieldDefinition field, JsonNode value, String pointer, int min, int max) {
        if (!value.isArray() || value.size() < min || value.size() > max) {
            error(pointer, FilterCodes.FILTER_VALUE_INVALID, min == max ? "Expected an array of two values: [from, to]"
                    : "Expected an array of " + (min == 0 ? "at most " : "1 to ") + max + " values");
            return;
        }
        for (int i = 0; i < value.size(); i++) {
            scalar(field, value.get(i), JsonPointers.append(pointer, i));
        }
    }

    /** One value as the field's column holds it; a select's must be one of its options. */
    private void scalar(FieldDefinition field, JsonNode value, String pointer) {
        Optional<String> problem = switch (field.type()) {
            case SELECT, MULTISELECT -> !isText(value) ? Optional.of(textExpected())
                    : isOption(field, value.textValue()) ? Optional.empty()
                    : Optional.of("Not one of the field's options");
            case FORMULA -> computed(computedType.apply(field.key()).orElse(ValueType.TEXT), value);
            case NUMBER -> field.spec() instanceof FieldSpec.Number n && n.integer() ? integer(value)
                    : computed(ValueType.NUMBER, value);
            default -> computed(valueType(field.type()), value);
        };
        problem.ifPresent(message -> error(pointer, FilterCodes.FILTER_VALUE_INVALID, message));
    }

    private static ValueType valueType(FieldType type) {
        return switch (type) {
            case NUMBER, MONEY, PERCENT, ROLLUP -> ValueType.NUMBER;
            case BOOLEAN -> ValueType.BOOLEAN;
            case DATE -> ValueType.DATE;
            case DATETIME -> ValueType.DATETIME;
            case USER, DEPARTMENT, REFERENCE -> null;
            default -> ValueType.TEXT;
        };
    }

    /** Why a value is not one of the type (null type: an id), or empty when it is. */
    private static Optional<String> computed(ValueType type, JsonNode value) {
        if (type == null) {
            return value.isTextual() && UUID.matcher(value.textValue()).matches() ? Optional.empty()
                    : Optional.of("Expected a record id (a UUID)");
        }
        boolean fits = switch (type) {
            case NUMBER -> Props.decimalOf(value) != null;
            case BOOLEAN -> value.isBoolean();
            case DATE -> isDate(value);
            case DATETIME -> value.isTextual() && value.textValue().length() <= 64
                    && DateRange.instant(value.textValue()).isPresent();
            default -> isText(value);
        };
        return fits ? Optional.empty() : Optional.of(switch (type) {
            case NUMBER -> "Expected a decimal number (a JSON number or a numeric string)";
            case BOOLEAN -> "Expected true or false";
            case DATE -> "Expected a date as yyyy-MM-dd, in the years 1 to 9999";
            case DATETIME -> "Expected an ISO-8601 date-time with an offset, in the years 1 to 9999";
            default -> textExpected();
        });
    }

    private static Optional<String> integer(JsonNode value) {
        var decimal = Props.decimalOf(value);
        boolean integral = decimal != null && decimal.stripTrailingZeros().scale() <= 0
                && decimal.abs().compareTo(java.math.BigDecimal.valueOf(Long.MAX_VALUE)) <= 0;
        return integral ? Optional.empty() : Optional.of("Expected an integer");
    }

    private static boolean isDate(JsonNode value) {
        if (!value.isTextual() || !DATE.matcher(value.textValue()).matches()) {
            return false;
        }
        try {
            return DateRange.holds(LocalDate.parse(value.textValue()));
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static boolean isText(JsonNode value) {
        return value.isTextual() && value.textValue().length() <= FilterLimits.MAX_TEXT;
    }

    private static String textExpected() {
        return "Expected a string of at most " + FilterLimits.MAX_TEXT + " characters";
    }

    private static boolean isOption(FieldDefinition field, String value) {
        return field.spec() instanceof FieldSpec.Choice choice
                && choice.options().stream().map(SelectOption::value).anyMatch(value::equals);
    }

    private void error(String pointer, String code, String message) {
        problems.add(Problem.error(pointer, code, message));
    }
}
