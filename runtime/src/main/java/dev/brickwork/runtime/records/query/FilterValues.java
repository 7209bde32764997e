package dev.brickwork.runtime.records.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brickwork.designer.migration.ColumnType;
import dev.brickwork.forms.expr.DateRange;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Converts a JSON filter value to the Java value bound for a column type, strictly: no guessing between types,
 * decimals exact (a JSON number or a numeric string, as money travels), dates ISO-8601.
 */
final class FilterValues {

    static final int MAX_TEXT = dev.brickwork.forms.filter.FilterLimits.MAX_TEXT;
    private static final int MAX_DIGITS = 1000;
    private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]{1,1000}(\\.[0-9]{1,1000})?([eE][+-]?[0-9]{1,4})?");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private FilterValues() {
    }

    /** The bound value, or null when the JSON does not hold a value of this type. */
    static Object scalar(JsonNode node, ColumnType type) {
        if (node == null || node.isNull()) {
            return null;
        }
        return switch (type) {
            case TEXT, TEXT_ARRAY, BYTEA -> text(node);
            case BIGINT -> integer(node);
            case NUMERIC -> decimal(node);
            case BOOLEAN -> node.isBoolean() ? node.booleanValue() : null;
            case DATE -> date(node);
            case TIMESTAMPTZ -> dateTime(node);
            case UUID -> uuid(node);
            case JSONB -> null;
        };
    }

    /** What a value of the type looks like, for the error message (never the value itself). */
    static String expected(ColumnType type) {
        return switch (type) {
            case TEXT, TEXT_ARRAY, BYTEA -> "Expected a string of at most " + MAX_TEXT + " characters.";
            case BIGINT -> "Expected an integer.";
            case NUMERIC -> "Expected a decimal number (a JSON number or a numeric string).";
            case BOOLEAN -> "Expected true or false.";
            case DATE -> "Expected a date as yyyy-MM-dd, in the years 1 to 9999.";
            case TIMESTAMPTZ -> "Expected an ISO-8601 date-time with an offset, e.g. 2024-05-01T08:00:00Z, in the years 1 to 9999.";
            case UUID -> "Expected a UUID.";
            case JSONB -> "This field cannot be filtered.";
        };
    }

    static String text(JsonNode node) {
        return node.isTextual() && node.textValue().length() <= MAX_TEXT ? node.textValue() : null;
    }

    private static Long integer(JsonNode node) {
        BigDecimal decimal = decimal(node);
        if (decimal == null) {
            return null;
        }
        try {
            return decimal.longValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }

    static BigDecimal decimal(JsonNode node) {
        BigDecimal value;
        if (node.isNumber()) {
            value = node.decimalValue();
        } else if (node.isTextual() && DECIMAL.matcher(node.textValue()).matches()) {
            value = new BigDecimal(node.textValue());
        } else {
            return null;
        }
        // numeric holds far more, but a value this long is a mistake or an attack, not a filter
        boolean sane = value.precision() <= MAX_DIGITS && Math.abs(value.scale()) <= MAX_DIGITS;
        return sane ? value : null;
    }

    private static LocalDate date(JsonNode node) {
        if (!node.isTextual() || !DATE.matcher(node.textValue()).matches()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(node.textValue());
            return DateRange.holds(date) ? date : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static OffsetDateTime dateTime(JsonNode node) {
        if (!node.isTextual() || node.textValue().length() > 64) {
            return null;
        }
        try {
            OffsetDateTime time = OffsetDateTime.parse(node.textValue());
            // beyond the range PostgreSQL holds, the driver would send an error or a silent infinity
            return DateRange.holds(time.toInstant()) ? time : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static UUID uuid(JsonNode node) {
        return node.isTextual() && UUID_TEXT.matcher(node.textValue()).matches() ? UUID.fromString(node.textValue()) : null;
    }
}
