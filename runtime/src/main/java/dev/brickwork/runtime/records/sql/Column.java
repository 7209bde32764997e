package dev.brickwork.runtime.records.sql;

import dev.brickwork.designer.migration.ColumnType;
import dev.brickwork.forms.model.FieldDefinition;

/**
 * A stored scalar field of a form table: its field, its column type and its quoted column name.
 *
 * @param quoted the column name, quoted, safe to put into SQL
 * @param hashQuoted for an encrypted (sensitive) field, its equality-hash column, quoted; else null
 */
public record Column(FieldDefinition field, ColumnType type, String quoted, String hashQuoted) {

    public String key() {
        return field.key();
    }

    public boolean encrypted() {
        return hashQuoted != null;
    }
}
