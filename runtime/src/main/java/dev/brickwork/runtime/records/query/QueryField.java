package dev.brickwork.runtime.records.query;

import dev.brickwork.designer.migration.ColumnType;
import dev.brickwork.designer.migration.SqlNames;
import dev.brickwork.forms.model.FieldType;
import dev.brickwork.runtime.records.sql.Column;
import dev.brickwork.runtime.records.sql.FormTable;
import dev.brickwork.runtime.records.sql.SystemField;

import java.util.Optional;

/**
 * A field a list query may name: a system field by its API name or a top-level scalar field of the form.
 *
 * @param name      the API name ({@code createdAt}, {@code amount})
 * @param column    the column name, as the result row labels it
 * @param quoted    the column name, quoted, safe to put into SQL
 * @param type      the column type
 * @param fieldType the form field's type; null for system fields
 * @param sensitive encrypted at rest: filtered by equality through its keyed hash, never sorted or searched
 * @param nullable  the column may hold NULL (every form field; of the system fields, owner and createdBy)
 */
record QueryField(String name, String column, String quoted, ColumnType type, FieldType fieldType, boolean sensitive,
                  boolean nullable) {

    static final QueryField ID = of(SystemField.ID);

    /** Why a name cannot be filtered or sorted by. */
    enum Refusal { UNKNOWN, NOT_QUERYABLE }

    /** The field of that name, or why there is none to query. */
    static Resolution resolve(FormTable table, String name) {
        Optional<SystemField> system = SystemField.byApiName(name);
        if (system.isPresent()) {
            return new Resolution(of(system.get()), null);
        }
        if (table.subtable(name).isPresent()) {
            return new Resolution(null, Refusal.NOT_QUERYABLE);
        }
        Optional<Column> column = table.column(name);
        if (column.isEmpty()) {
            return new Resolution(null, Refusal.UNKNOWN);
        }
        if (column.get().encrypted()) {
            // encrypted at rest: only equality, through the keyed hash column
            Column c = column.get();
            return new Resolution(new QueryField(c.key(), c.key(), c.hashQuoted(), ColumnType.BYTEA, c.field().type(), true, true),
                    null);
        }
        QueryField field = of(column.get());
        return field.type() == ColumnType.JSONB ? new Resolution(null, Refusal.NOT_QUERYABLE) : new Resolution(field, null);
    }

    static QueryField of(Column column) {
        return new QueryField(column.key(), column.key(), column.quoted(), column.type(), column.field().type(),
                column.field().sensitive(), true);
    }

    static QueryField of(SystemField field) {
        boolean nullable = field == SystemField.OWNER || field == SystemField.CREATED_BY;
        return new QueryField(field.apiName(), field.column(), SqlNames.quote(field.column()), field.type(), null, false, nullable);
    }

    /** Either a field or the refusal. */
    record Resolution(QueryField field, Refusal refusal) {
    }
}
