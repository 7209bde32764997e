package dev.brickwork.runtime.records.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.brickwork.designer.migration.ColumnType;
import dev.brickwork.forms.expr.Value;
import dev.brickwork.forms.model.FieldType;
import dev.brickwork.platform.http.JsonBodies;
import io.vertx.mutiny.sqlclient.Row;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * Converts between the three shapes of a value: the engine's typed {@link Value}, the Java object bound to a
 * statement parameter, and the JSON the API speaks (money and decimals as exact strings, dates ISO-8601).
 */
public final class SqlValues {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private SqlValues() {
    }

    /** The parameter to bind for a value stored in a column of the given type. */
    public static Object bind(Value value, ColumnType type) {
        if (value instanceof Value.Text t) {
            return type == ColumnType.UUID ? UUID.fromString(t.value()) : t.value();
        } else if (value instanceof Value.Number n) {
            return type == ColumnType.BIGINT ? n.value().longValueExact() : n.value();
        } else if (value instanceof Value.Bool b) {
            return b.value();
        } else if (value instanceof Value.Date d) {
            return d.value();
        } else if (value instanceof Value.DateTime t) {
            return t.value().atOffset(ZoneOffset.UTC);
        } else if (value instanceof Value.ListOf l) {
            return l.values().toArray(String[]::new);
        }
        return null;
    }

    /** The API's JSON for a stored column. */
    public static JsonNode json(Row row, String column, ColumnType type, FieldType fieldType) {
        return json(row, row.getColumnIndex(column), type, fieldType);
    }

    /** The API's JSON for the stored column at {@code index} (positions are looked up once per page, not per value). */
    public static JsonNode json(Row row, int index, ColumnType type, FieldType fieldType) {
        Object raw = row.getValue(index);
        if (raw == null) {
            return JSON.nullNode();
        }
        return switch (type) {
            case TEXT -> JSON.textNode(row.getString(index));
            case UUID -> JSON.textNode(row.getUUID(index).toString());
            case BIGINT -> JSON.numberNode(row.getLong(index));
            case NUMERIC -> JSON.textNode(decimal(row.getBigDecimal(index), fieldType));
            case BOOLEAN -> JSON.booleanNode(row.getBoolean(index));
            case DATE -> JSON.textNode(row.getLocalDate(index).toString());
            case TIMESTAMPTZ -> JSON.textNode(instant(row.getOffsetDateTime(index)));
            case TEXT_ARRAY -> {
                ArrayNode array = JSON.arrayNode();
                for (String item : row.getArrayOfStrings(index)) {
                    array.add(item);
                }
                yield array;
            }
            case JSONB -> JsonBodies.parse(String.valueOf(raw));
            case BYTEA -> JSON.nullNode();
        };
    }

    /** The API's JSON for an engine value (computed fields before they are stored). */
    public static JsonNode json(Value value, FieldType fieldType) {
        if (value instanceof Value.Text t) {
            return JSON.textNode(t.value());
        } else if (value instanceof Value.Number n) {
            return JSON.textNode(decimal(n.value(), fieldType));
        } else if (value instanceof Value.Bool b) {
            return JSON.booleanNode(b.value());
        } else if (value instanceof Value.Date d) {
            return JSON.textNode(d.value().format(DateTimeFormatter.ISO_LOCAL_DATE));
        } else if (value instanceof Value.DateTime t) {
            return JSON.textNode(instant(t.value().atOffset(ZoneOffset.UTC)));
        } else if (value instanceof Value.ListOf l) {
            ArrayNode array = JSON.arrayNode();
            l.values().forEach(array::add);
            return array;
        }
        return JSON.nullNode();
    }

    /** Exact, without exponent; money always shows at least its two decimals. */
    public static String decimal(BigDecimal value, FieldType fieldType) {
        BigDecimal shown = fieldType == FieldType.MONEY && value.scale() < 2 ? value.setScale(2, RoundingMode.UNNECESSARY) : value;
        return shown.toPlainString();
    }

    /** ISO-8601 in UTC, e.g. {@code 2026-11-22T16:21:59.936752Z}. */
    public static String instant(OffsetDateTime time) {
        return time.toInstant().toString();
    }
}
