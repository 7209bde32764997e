package dev.brickwork.runtime.records.query;

import dev.brickwork.designer.migration.ColumnType;
import io.vertx.mutiny.sqlclient.Row;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;

/** A sort key's value in a cursor: read from a result row as exact text, and back to the bound Java value. */
final class SortValues {

    /** Stands for a NULL sort value while cursors are read; {@link #orNull} turns it back into null. */
    static final Object NULL = new Object();

    private SortValues() {
    }

    /** The row's value as text, null for NULL. */
    static String text(Row row, QueryField field) {
        String column = field.column();
        if (row.getValue(column) == null) {
            return null;
        }
        return switch (field.type()) {
            case TEXT -> row.getString(column);
            case BIGINT -> Long.toString(row.getLong(column));
            case NUMERIC -> row.getBigDecimal(column).toPlainString();
            case BOOLEAN -> Boolean.toString(row.getBoolean(column));
            case DATE -> row.getLocalDate(column).toString();
            // full precision: PostgreSQL keeps microseconds, and the keyset compares for equality
            case TIMESTAMPTZ -> row.getOffsetDateTime(column).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            case UUID -> row.getUUID(column).toString();
            case TEXT_ARRAY, JSONB, BYTEA -> throw new IllegalStateException("Not a sort key type: " + field.type());
        };
    }

    /**
     * The bound value of a cursor's text for the type; empty when the text is not a value of that type (a cursor
     * of a form whose field changed type since). A NULL is {@code Optional.of(NULL)}; see {@link #NULL}.
     */
    static Optional<Object> bound(String text, ColumnType type) {
        if (text == null) {
            return Optional.of(NULL);
        }
        try {
            return Optional.of(switch (type) {
                case TEXT -> text;
                case BIGINT -> Long.parseLong(text);
                case NUMERIC -> new BigDecimal(text);
                case BOOLEAN -> parseBoolean(text);
                case DATE -> LocalDate.parse(text);
                case TIMESTAMPTZ -> OffsetDateTime.parse(text);
                case UUID -> UUID.fromString(text);
                case TEXT_ARRAY, JSONB, BYTEA -> throw new IllegalArgumentException("Not a sort key type");
            });
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static Object orNull(Object value) {
        return value == NULL ? null : value;
    }

    private static Boolean parseBoolean(String text) {
        if (!text.equals("true") && !text.equals("false")) {
            throw new IllegalArgumentException("Not a boolean");
        }
        return Boolean.valueOf(text);
    }
}
