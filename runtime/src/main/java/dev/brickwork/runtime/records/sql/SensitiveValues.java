package dev.brickwork.runtime.records.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.brickwork.forms.expr.Value;
import dev.brickwork.forms.model.FieldDefinition;
import dev.brickwork.forms.model.FieldSpec;
import dev.brickwork.forms.model.FieldType;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;

import java.math.BigDecimal;
import java.time.ZoneOffset;

/**
 * Sensitive values at rest: the typed value is written as canonical text, encrypted; its keyed hash goes beside it
 * so equality filters and unique checks work without decrypting anything.
 */
public final class SensitiveValues {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private SensitiveValues() {
    }

    /** The canonical text of a value: what is encrypted and hashed. Null for a blank value. */
    public static String canonical(Value value) {
        if (value instanceof Value.Text t) {
            return t.value();
        } else if (value instanceof Value.Number n) {
            return n.value().toPlainString();
        } else if (value instanceof Value.Date d) {
            return d.value().toString();
        } else if (value instanceof Value.DateTime t) {
            return SqlValues.instant(t.value().atOffset(ZoneOffset.UTC));
        } else if (value instanceof Value.Bool b) {
            return Boolean.toString(b.value());
        }
        return null;
    }

    public static Buffer encrypt(FormTable table, String plain) {
        return plain == null ? null : Buffer.buffer(table.cipher().encrypt(plain));
    }

    public static Buffer hash(FormTable table, String plain) {
        return plain == null ? null : Buffer.buffer(table.cipher().equalityHash(plain));
    }

    /** The API's JSON for a stored encrypted column, decrypted. */
    public static JsonNode json(FormTable table, Row row, Column column) {
        io.vertx.mutiny.core.buffer.Buffer stored = row.getBuffer(column.key());
        if (stored == null) {
            return JSON.nullNode();
        }
        String plain = table.cipher().decrypt(stored.getBytes());
        FieldDefinition field = column.field();
        if (field.type() == FieldType.NUMBER && field.spec() instanceof FieldSpec.Number n && n.integer()) {
            return JSON.numberNode(Long.parseLong(plain));
        }
        if (field.type() == FieldType.MONEY || field.type() == FieldType.NUMBER || field.type() == FieldType.PERCENT) {
            return JSON.textNode(SqlValues.decimal(new BigDecimal(plain), field.type()));
        }
        return JSON.textNode(plain);
    }
}
