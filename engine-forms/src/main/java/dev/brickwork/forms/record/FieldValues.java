package dev.brickwork.forms.record;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brickwork.forms.expr.Value;
import dev.brickwork.forms.model.FieldDefinition;
import dev.brickwork.forms.model.FieldSpec;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.brickwork.forms.record.RecordCodes.FIELD_ABOVE_MAX;
import static dev.brickwork.forms.record.RecordCodes.FIELD_BELOW_MIN;
import static dev.brickwork.forms.record.RecordCodes.FIELD_NUMBER_TOO_LARGE;
import static dev.brickwork.forms.record.RecordCodes.FIELD_OPTION_UNKNOWN;
import static dev.brickwork.forms.record.RecordCodes.FIELD_SCALE;
import static dev.brickwork.forms.record.RecordCodes.FIELD_TOO_LONG;
import static dev.brickwork.forms.record.RecordCodes.FIELD_TYPE_MISMATCH;

/**
 * Turns the JSON value of one scalar field into a typed {@link Value}, checking the field's type and constraints.
 * Used for record values and for definition defaults. JSON null, blank text and an empty list are {@link Value#NULL}.
 * Numbers (JSON numbers or numeric strings) stay exact decimals as written: one with more decimals than the field
 * keeps, or too large for it, is refused, never rounded.
 */
public final class FieldValues {

    /** Money keeps cents; more decimals would be silently rounded by the column. */
    static final int MONEY_SCALE = 2;
    /** Decimals of a number field without a {@code scale} of its own. */
    static final int MAX_SCALE = 30;
    /** Digits before the decimal point any number may have. */
    static final int MAX_WHOLE_DIGITS = 30;
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    /** The outcome for one value. */
    public sealed interface Outcome {
        record Ok(Value value) implements Outcome {
        }

        /** @param message never contains the value */
        record Invalid(String code, String message) implements Outcome {
        }
    }

    private FieldValues() {
    }

    public static Outcome read(FieldDefinition field, JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return ok(Value.NULL);
        }
        return switch (field.type()) {
            case TEXT -> text(field, node);
            case TEXTAREA, USER, DEPARTMENT, AUTONUMBER -> plainText(node);
            case NUMBER, PERCENT, MONEY, ROLLUP -> number(field, node);
            case BOOLEAN -> node.isBoolean() ? ok(new Value.Bool(node.booleanValue())) : mismatch("true or false");
            case DATE -> node.isTextual() ? Formats.date(node.textValue()) : mismatch("a date string");
            case DATETIME -> node.isTextual() ? Formats.dateTime(node.textValue()) : mismatch("a date-time string");
            case SELECT -> select(field, node);
            case MULTISELECT -> multiselect(field, node);
            case EMAIL -> node.isTextual() ? Formats.email(node.textValue()) : mismatch("a string");
            case PHONE -> node.isTextual() ? Formats.phone(node.textValue()) : mismatch("a string");
            case URL -> node.isTextual() ? Formats.url(node.textValue()) : mismatch("a string");
            case REFERENCE -> node.isTextual() ? Formats.reference(node.textValue()) : mismatch("a record id");
            case ATTACHMENT -> stringList(node);
            // a lookup is read as the field it looks up (CompiledForm.lookup)
            case FORMULA, SUBTABLE, LOOKUP -> mismatch("no value of its own here");
        };
    }

    /**
     * A value the record already holds, read by its type alone: the field's options, length, range, pattern or scale
     * may have changed since it was written, and a value nobody writes again stays readable.
     */
    public static Outcome stored(FieldDefinition field, JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return ok(Value.NULL);
        }
        return switch (field.type()) {
            case TEXT, SELECT, EMAIL, PHONE, URL -> plainText(node);
            case MULTISELECT -> stringList(node);
            case NUMBER, PERCENT, MONEY -> {
                BigDecimal value = Formats.exactDecimal(node);
                yield value == null ? mismatch("a number or a numeric string") : ok(new Value.Number(value));
            }
            default -> read(field, node);
        };
    }

    static Outcome ok(Value value) {
        return new Outcome.Ok(value);
    }

    static Outcome invalid(String code, String message) {
        return new Outcome.Invalid(code, message);
    }

    private static Outcome mismatch(String expected) {
        return invalid(FIELD_TYPE_MISMATCH, "The value must be " + expected);
    }

    private static Outcome plainText(JsonNode node) {
        if (!node.isTextual()) {
            return mismatch("a string");
        }
        return ok(node.textValue().isBlank() ? Value.NULL : new Value.Text(node.textValue()));
    }

    private static Outcome text(FieldDefinition field, JsonNode node) {
        Outcome outcome = plainText(node);
        if (!(outcome instanceof Outcome.Ok ok) || !(ok.value() instanceof Value.Text text)
                || !(field.spec() instanceof FieldSpec.Text spec)) {
            return outcome;
        }
        String value = text.value();
        if (spec.maxLength() != null && value.codePointCount(0, value.length()) > spec.maxLength()) {
            return invalid(FIELD_TOO_LONG, "At most " + spec.maxLength() + " characters");
        }
        if (spec.pattern() != null && !Formats.matches(spec.pattern(), value)) {
            return invalid(RecordCodes.FIELD_PATTERN_MISMATCH, "The value does not have the required form");
        }
        return outcome;
    }

    private static Outcome number(FieldDefinition field, JsonNode node) {
        BigDecimal value = Formats.exactDecimal(node);
        if (value == null) {
            return mismatch("a number or a numeric string");
        }
        int decimals = Math.max(0, value.stripTrailingZeros().scale());
        if ((long) value.precision() - value.scale() > MAX_WHOLE_DIGITS) {
            return invalid(FIELD_NUMBER_TOO_LARGE, "At most " + MAX_WHOLE_DIGITS + " digits before the decimal point");
        }
        BigDecimal min = null;
        BigDecimal max = null;
        int scale = MAX_SCALE;
        if (field.spec() instanceof FieldSpec.Number spec) {
            if (spec.integer() && decimals > 0) {
                return mismatch("a whole number");
            }
            if (spec.integer() && (value.compareTo(LONG_MIN) < 0 || value.compareTo(LONG_MAX) > 0)) {
                return invalid(FIELD_NUMBER_TOO_LARGE, "A whole number is stored in 64 bits: from " + LONG_MIN + " to " + LONG_MAX);
            }
            scale = spec.scale() == null ? MAX_SCALE : spec.scale();
            min = spec.min();
            max = spec.max();
        } else if (field.spec() instanceof FieldSpec.Money spec) {
            scale = MONEY_SCALE;
            min = spec.min();
            max = spec.max();
        }
        if (decimals > scale) {
            // never rounded: the client learns the value would not be kept as sent
            return invalid(FIELD_SCALE, "At most " + scale + " decimals");
        }
        if (min != null && value.compareTo(min) < 0) {
            return invalid(FIELD_BELOW_MIN, "The value must be at least " + min.toPlainString());
        }
        if (max != null && value.compareTo(max) > 0) {
            return invalid(FIELD_ABOVE_MAX, "The value must be at most " + max.toPlainString());
        }
        if (field.spec() instanceof FieldSpec.Money && value.scale() < MONEY_SCALE) {
            // money is stored with its two decimals; formulas read it so on every path (a new record, an edit, a recompute)
            return ok(new Value.Number(value.setScale(MONEY_SCALE)));
        }
        return ok(new Value.Number(value));
    }

    private static Outcome select(FieldDefinition field, JsonNode node) {
        if (!node.isTextual()) {
            return mismatch("an option value");
        }
        if (node.textValue().isEmpty()) {
            return ok(Value.NULL);
        }
        return options(field).contains(node.textValue())
                ? ok(new Value.Text(node.textValue()))
                : invalid(FIELD_OPTION_UNKNOWN, "Not one of the options");
    }

    private static Outcome multiselect(FieldDefinition field, JsonNode node) {
        Outcome list = stringList(node);
        if (!(list instanceof Outcome.Ok ok) || !(ok.value() instanceof Value.ListOf values)) {
            return list;
        }
        Set<String> options = options(field);
        Set<String> seen = new HashSet<>();
        for (String value : values.values()) {
            if (!options.contains(value)) {
                return invalid(FIELD_OPTION_UNKNOWN, "Not one of the options");
            }
            if (!seen.add(value)) {
                return invalid(FIELD_OPTION_UNKNOWN, "An option is chosen twice");
            }
        }
        return list;
    }

    private static Outcome stringList(JsonNode node) {
        if (!node.isArray()) {
            return mismatch("an array of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode element : node) {
            if (!element.isTextual()) {
                return mismatch("an array of strings");
            }
            values.add(element.textValue());
        }
        return ok(values.isEmpty() ? Value.NULL : new Value.ListOf(values));
    }

    private static Set<String> options(FieldDefinition field) {
        Set<String> values = new HashSet<>();
        if (field.spec() instanceof FieldSpec.Choice choice) {
            choice.options().forEach(o -> values.add(o.value()));
        }
        return values;
    }
}
