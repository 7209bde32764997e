package dev.brickwork.runtime.records.sql;

import dev.brickwork.designer.form.PublishedForms.PublishedForm;
import dev.brickwork.designer.migration.ColumnType;
import dev.brickwork.designer.migration.SqlNames;
import dev.brickwork.forms.compile.CompiledForm;
import dev.brickwork.forms.model.FieldDefinition;
import dev.brickwork.forms.model.FieldType;
import dev.brickwork.forms.model.SystemColumn;
import dev.brickwork.runtime.crypto.FieldCipher;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The storage of one published form version, derived from its compiled definition: the quoted table name, its
 * scalar columns and its subtables' child tables. Every identifier the records SQL uses comes from here.
 * <p>
 * A statement over a form table belongs to one version of the form (decision 0013): the table is named with the
 * version beside it, and rows are read through {@link #selectList} and {@link #returning()}, which name every
 * column. PostgreSQL pins a prepared statement's result and parameter types, and each pooled connection keeps its
 * prepared statements by their text; a publish that adds, removes or retypes a column therefore never meets a
 * statement prepared for an earlier version, and a statement of a version whose column has gone fails loudly
 * (the records API then reloads the form, see {@code RecordContexts.run}) instead of reading another shape.
 */
public final class FormTable {

    private final Map<String, String> selectLists = new ConcurrentHashMap<>();

    private final CompiledForm form;
    private final int version;
    private final boolean child;
    private final String schema;
    private final String name;
    private final String qualified;
    private final Map<String, Column> columns = new LinkedHashMap<>();
    private final Map<String, FormTable> subtables = new LinkedHashMap<>();
    private FieldCipher cipher;

    private FormTable(String schema, String table, CompiledForm form, int version, boolean child) {
        this.form = form;
        this.version = version;
        this.child = child;
        this.schema = schema;
        this.name = SqlNames.qualified(schema, table);
        this.qualified = name + " /* v" + version + " */";
        for (FieldDefinition field : form.definition().fields()) {
            if (field.type() == FieldType.SUBTABLE) {
                form.subtable(field.key()).ifPresent(rows -> subtables.put(field.key(),
                        new FormTable(schema, SqlNames.childTable(table, field.key()), rows, version, true)));
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
        this.version = full.version;
        this.child = full.child;
        this.schema = full.schema;
        this.name = full.name;
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

    /** The table of a published form's current version. */
    public static FormTable of(PublishedForm published) {
        return of(published.appKey(), published.form(), published.version());
    }

    public static FormTable of(String appKey, CompiledForm form, int version) {
        return new FormTable(SqlNames.schema(appKey), form.definition().key(), form, version, false);
    }

    public CompiledForm form() {
        return form;
    }

    /** The quoted, schema-qualified table of another form of the same app. */
    public String sibling(String formKey) {
        return SqlNames.qualified(schema, formKey);
    }

    /**
     * The table as statements name it: schema-qualified, quoted, followed by a comment naming the form version, so
     * that the text of every statement over it (and so the prepared statement a pooled connection keeps for that
     * text) belongs to this version.
     */
    public String qualified() {
        return qualified;
    }

    /** The schema-qualified, quoted table name alone, the same for every version: what identifies the table. */
    public String name() {
        return name;
    }

    /** The form version this table was derived from. */
    public int version() {
        return version;
    }

    /**
     * Every column a row of this table is read by, named: the system columns, then each field's (an encrypted
     * field's ciphertext; its hash is only compared in SQL), each prefixed by {@code alias} when there is one.
     */
    public String selectList(String alias) {
        // every read renders it: built once per alias for this (cached) table
        return selectLists.computeIfAbsent(alias == null ? "" : alias + ".", this::renderSelectList);
    }

    private String renderSelectList(String prefix) {
        List<String> names = new ArrayList<>();
        (child ? SystemColumn.ROW : SystemColumn.RECORD).forEach(system -> names.add(prefix + system.column()));
        columns.values().forEach(column -> names.add(prefix + column.quoted()));
        return String.join(", ", names);
    }

    /** {@code RETURNING} with every column of {@link #selectList}. */
    public String returning() {
        return " RETURNING " + selectList(null);
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
