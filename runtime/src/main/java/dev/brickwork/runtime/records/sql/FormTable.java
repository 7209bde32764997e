package dev.brickwork.runtime.records.sql;

import dev.brickwork.designer.migration.ColumnType;
import dev.brickwork.designer.migration.SqlNames;
import dev.brickwork.forms.compile.CompiledForm;
import dev.brickwork.forms.model.FieldDefinition;
import dev.brickwork.forms.model.FieldType;
import dev.brickwork.runtime.crypto.FieldCipher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The storage of one published form version, derived from its compiled definition: the quoted table name, its
 * scalar columns and its subtables' child tables. Every identifier the records SQL uses comes from here.
 */
public final class FormTable {

    private final CompiledForm form;
    private final String schema;
    private final String qualified;
    private final Map<String, Column> columns = new LinkedHashMap<>();
    private final Map<String, FormTable> subtables = new LinkedHashMap<>();
    private FieldCipher cipher;

    private FormTable(String schema, String table, CompiledForm form) {
        this.form = form;
        this.schema = schema;
        this.qualified = SqlNames.qualified(schema, table);
        for (FieldDefinition field : form.definition().fields()) {
            if (field.type() == FieldType.SUBTABLE) {
                form.subtable(field.key()).ifPresent(rows ->
                        subtables.put(field.key(), new FormTable(schema, SqlNames.childTable(table, field.key()), rows)));
            } else {
                ColumnType type = ColumnType.of(field, form).orElseThrow();
                String hash = ColumnType.encrypted(field) ? SqlNames.quote(SqlNames.hashColumn(field.key())) : null;
                columns.put(field.key(), new Column(field, type, SqlNames.quote(field.key()), hash));
            }
        }
    }

    private FormTable(FormTable full, java.util.Set<String> hidden) {
        this.cipher = full.cipher;
        this.form = full.form;
        this.schema = full.schema;
        this.qualified = full.qualified;
        full.columns.forEach((key, column) -> {
            if (!hidden.contains(key)) {
                columns.put(key, column);
            }
        });
        full.subtables.forEach((key, child) -> {
            if (!hidden.contains(key)) {
                subtables.put(key, child);
            }
        });
    }

    /** This table (and its subtables) reading and writing sensitive fields with the cipher; null when none is configured. */
    public FormTable withCipher(FieldCipher fieldCipher) {
        this.cipher = fieldCipher;
        subtables.values().forEach(child -> child.withCipher(fieldCipher));
        return this;
    }

    /** The cipher, or null when none is configured (for tables derived from this one). */
    public FieldCipher cipherIfAny() {
        return cipher;
    }

    /** The cipher for encrypted columns; a clear error when sensitive data is met and no key is configured. */
    public FieldCipher cipher() {
        if (cipher == null) {
            throw new IllegalStateException("This form has sensitive fields, but no BRICKWORK_ENCRYPTION_KEY is configured");
        }
        return cipher;
    }

    /** The same table as a caller who may not see {@code hidden} fields knows it: those fields do not exist. */
    public FormTable without(java.util.Set<String> hidden) {
        return hidden.isEmpty() ? this : new FormTable(this, hidden);
    }

    public static FormTable of(String appKey, CompiledForm form) {
        return new FormTable(SqlNames.schema(appKey), form.definition().key(), form);
    }

    public CompiledForm form() {
        return form;
    }

    /** The quoted, schema-qualified table of another form of the same app. */
    public String sibling(String formKey) {
        return SqlNames.qualified(schema, formKey);
    }

    /** The schema-qualified, quoted table name. */
    public String qualified() {
        return qualified;
    }

    public Optional<Column> column(String key) {
        return Optional.ofNullable(columns.get(key));
    }

    public List<Column> columns() {
        return new ArrayList<>(columns.values());
    }

    public Optional<FormTable> subtable(String key) {
        return Optional.ofNullable(subtables.get(key));
    }

    public Map<String, FormTable> subtables() {
        return Map.copyOf(subtables);
    }
}
