package dev.brickwork.designer.migration;

import dev.brickwork.forms.compile.CompiledForm;
import dev.brickwork.forms.model.FieldDefinition;
import dev.brickwork.forms.model.FieldSpec;
import dev.brickwork.forms.model.FieldType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.brickwork.designer.migration.SqlNames.quote;

/**
 * Computes what publishing a form version does to its tables, from the previous compiled version (or none) to
 * the new one. Pure: it renders SQL from compiled metadata and never touches a database. Data is never dropped:
 * a removed field's column (a removed subtable's table) is renamed aside; a type change converts in place or,
 * when values would not survive it, is blocked by a {@link DataCheck} that lists them.
 */
public final class MigrationPlanner {

    private final String schema;
    private final int version;
    private final TableObjects objects;
    private final StoredTables stored;
    private final StorageLimits limits;
    /** names of the indexes and constraints this plan drops before it sets anything aside */
    private final Set<String> dropped = new HashSet<>();
    private final List<DataCheck> checks = new ArrayList<>();
    private final List<MigrationStep> steps = new ArrayList<>();
    /** table to the columns it had before this publish: only their data can be checked */
    private final Map<String, Set<String>> existing = new HashMap<>();

    private MigrationPlanner(String appKey, int version, StoredTables stored) {
        this.schema = SqlNames.schema(appKey);
        this.version = version;
        this.objects = new TableObjects(schema, stored.trigramSchema(), stored.hasShortGrams());
        this.stored = stored;
        this.limits = new StorageLimits(stored);
    }

    /**
     * @param previous the version being replaced, or null for the first publish
     * @param next     the version being published
     * @param version  the number {@code next} gets
     * @param stored   what the app's schema holds now
     */
    public static MigrationPlan plan(String appKey, CompiledForm previous, CompiledForm next, int version,
                                     StoredTables stored) {
        MigrationPlanner planner = new MigrationPlanner(appKey, version, stored);
        planner.build(previous, next);
        return new MigrationPlan(planner.checks, planner.steps, planner.limits.refusals());
    }

    private void build(CompiledForm previous, CompiledForm next) {
        String table = next.definition().key();
        Map<String, TableObject> before = Map.of();
        if (previous == null) {
            step("CREATE_SCHEMA", table, null, "CREATE SCHEMA IF NOT EXISTS " + quote(schema));
            limits.newTable(table, SystemColumns.count(false), "/key");
            step("CREATE_TABLE", table, null, "CREATE TABLE " + table(table) + " (" + SystemColumns.RECORD + ")");
            String owner = SqlNames.object("ix", table, "owner", "");
            limits.claim(owner, "/key");
            step("CREATE_INDEX", table, "owner", "CREATE INDEX " + quote(owner) + " ON " + table(table) + " (owner)");
        } else {
            before = objects.of(previous, table);
            remember(previous, table);
        }
        Map<String, TableObject> after = objects.of(next, table);
        for (TableObject old : before.values()) {
            if (!after.containsKey(old.name())) {
                dropped.add(old.name());
                limits.free(old.name());
                step(old.createSql().startsWith("ALTER") ? "DROP_CONSTRAINT" : "DROP_INDEX", old.table(), null, old.dropSql());
            }
        }
        columns(table, previous, next, "/fields");
        for (TableObject wanted : after.values()) {
            // what the previous version wanted is there, unless an earlier release did not make it (or it was dropped)
            if (!before.containsKey(wanted.name()) || stored.lacks(wanted.table(), wanted.name())) {
                if (wanted.check() != null && existed(wanted.table(), wanted.columns())) {
                    checks.add(wanted.check());
                }
                step(wanted.createSql().startsWith("ALTER") ? "ADD_CONSTRAINT" : "CREATE_INDEX", wanted.table(), null,
                        wanted.createSql());
            }
            if (wanted.replaces() != null && stored.holds(wanted.table(), wanted.replaces())) {
                step("DROP_INDEX", wanted.table(), null, "DROP INDEX IF EXISTS " + table(wanted.replaces()));
            }
        }
    }

    private void columns(String table, CompiledForm previous, CompiledForm next, String pointer) {
        List<FieldDefinition> fields = next.definition().fields();
        if (previous != null) {
            for (FieldDefinition old : previous.definition().fields()) {
                if (next.definition().field(old.key()).isEmpty()) {
                    setAside(table, old);
                }
            }
        }
        for (int i = 0; i < fields.size(); i++) {
            FieldDefinition field = fields.get(i);
            Optional<FieldDefinition> old = previous == null ? Optional.empty() : previous.definition().field(field.key());
            String at = pointer + "/" + i;
            if (old.isEmpty()) {
                add(table, field, next, at);
            } else if (field.type() == FieldType.SUBTABLE && old.get().type() == FieldType.SUBTABLE) {
                columns(SqlNames.childTable(table, field.key()), previous.subtable(field.key()).orElseThrow(),
                        next.subtable(field.key()).orElseThrow(), at + "/fields");
            } else if (field.type() == FieldType.SUBTABLE || old.get().type() == FieldType.SUBTABLE) {
                replace(table, old.get(), field, next, at + "/type");
            } else {
                change(table, old.get(), ColumnType.of(old.get(), previous).orElseThrow(), field, next, at + "/type");
            }
        }
    }

    /** @param pointer where the field is in the new definition */
    private void add(String table, FieldDefinition field, CompiledForm form, String pointer) {
        if (field.spec() instanceof FieldSpec.Subtable) {
            String child = SqlNames.childTable(table, field.key());
            limits.newTable(child, SystemColumns.count(true), pointer + "/key");
            step("CREATE_TABLE", child, null, "CREATE TABLE " + table(child) + " (" + SystemColumns.row(table(table)) + ")");
            String parent = SqlNames.object("ix", child, "parent", "");
            limits.claim(parent, pointer + "/key");
            step("CREATE_INDEX", child, "parent_id", "CREATE INDEX " + quote(parent) + " ON " + table(child) + " (parent_id, position)");
            CompiledForm rows = form.subtable(field.key()).orElseThrow();
            List<FieldDefinition> fields = rows.definition().fields();
            for (int i = 0; i < fields.size(); i++) {
                add(child, fields.get(i), rows, pointer + "/fields/" + i);
            }
            return;
        }
        ColumnType type = ColumnType.of(field, form).orElseThrow();
        limits.column(table, pointer);
        step("ADD_COLUMN", table, field.key(), "ALTER TABLE " + table(table) + " ADD COLUMN " + quote(field.key()) + " " + type.sql());
        if (ColumnType.encrypted(field)) {
            addHash(table, field, pointer);
        }
    }

    private void addHash(String table, FieldDefinition field, String pointer) {
        limits.column(table, pointer);
        step("ADD_COLUMN", table, SqlNames.hashColumn(field.key()), "ALTER TABLE " + table(table) + " ADD COLUMN "
                + quote(SqlNames.hashColumn(field.key())) + " bytea");
    }

    private void setAsideHash(String table, FieldDefinition old) {
        String hash = SqlNames.hashColumn(old.key());
        step("SET_ASIDE_COLUMN", table, hash, "ALTER TABLE " + table(table) + " RENAME COLUMN " + quote(hash)
                + " TO " + quote(SqlNames.asideColumn(hash, version)));
    }

    private void setAside(String table, FieldDefinition old) {
        if (old.type() == FieldType.SUBTABLE) {
            setAsideTable(SqlNames.childTable(table, old.key()));
        } else {
            step("SET_ASIDE_COLUMN", table, old.key(), "ALTER TABLE " + table(table) + " RENAME COLUMN " + quote(old.key())
                    + " TO " + quote(SqlNames.asideColumn(old.key(), version)));
            if (ColumnType.encrypted(old)) {
                setAsideHash(table, old);
            }
        }
    }

    /**
     * Renames a child table aside with every index, constraint and sequence it owns (those this plan does not drop):
     * their names are derived from the live table's, and a subtable added again under the same key needs them.
     */
    private void setAsideTable(String child) {
        String aside = SqlNames.asideTable(child, version);
        step("SET_ASIDE_TABLE", child, null, "ALTER TABLE " + table(child) + " RENAME TO " + quote(aside));
        limits.free(child);
        StoredTables.Table owned = stored.table(child).orElse(null);
        if (owned == null) {
            return;
        }
        for (String index : owned.indexes()) {
            if (dropped.add(index)) {
                limits.free(index);
                step("SET_ASIDE_INDEX", aside, null, "ALTER INDEX " + table(index) + " RENAME TO "
                        + quote(SqlNames.asideObject(index, version)));
            }
        }
        for (String constraint : owned.constraints()) {
            if (dropped.add(constraint)) {
                step("SET_ASIDE_CONSTRAINT", aside, null, "ALTER TABLE " + table(aside) + " RENAME CONSTRAINT "
                        + quote(constraint) + " TO " + quote(SqlNames.asideObject(constraint, version)));
            }
        }
        for (String sequence : owned.sequences()) {
            limits.free(sequence);
            step("SET_ASIDE_SEQUENCE", aside, null, "ALTER SEQUENCE " + table(sequence) + " RENAME TO "
                    + quote(SqlNames.asideObject(sequence, version)));
        }
    }

    /** A field turned into or out of a subtable: allowed only while the old storage holds no data; it is set aside. */
    private void replace(String table, FieldDefinition old, FieldDefinition field, CompiledForm next, String pointer) {
        String source = old.type() == FieldType.SUBTABLE
                ? "SELECT id::text, NULL FROM " + table(SqlNames.childTable(table, old.key())) + " LIMIT 20"
                : "SELECT id::text, NULL FROM " + table(table) + " WHERE " + quote(old.key()) + " IS NOT NULL LIMIT 20";
        checks.add(new DataCheck(pointer, "TYPE_CHANGE_BLOCKED_BY_DATA",
                "This type change cannot carry stored values; it is possible only while the field holds no data.", source, List.of()));
        setAside(table, old);
        add(table, field, next, pointer.substring(0, pointer.lastIndexOf('/')));
    }

    private void change(String table, FieldDefinition old, ColumnType from, FieldDefinition field, CompiledForm next,
                        String pointer) {
        ColumnType to = ColumnType.of(field, next).orElseThrow();
        boolean wasEncrypted = ColumnType.encrypted(old);
        boolean encrypted = ColumnType.encrypted(field);
        if (wasEncrypted != encrypted) {
            // values cannot be encrypted or decrypted in SQL (the key is not in the database): only while empty
            checks.add(blockedBy(table, old, pointer.replace("/type", "/sensitive"), quote(old.key()) + " IS NOT NULL",
                    List.of(), "Encryption can be switched only while the field holds no data."));
            step("CHANGE_TYPE", table, field.key(), "ALTER TABLE " + table(table) + " ALTER COLUMN " + quote(field.key())
                    + " TYPE " + to.sql() + " USING NULL::" + to.sql());
            if (encrypted) {
                addHash(table, field, pointer.substring(0, pointer.lastIndexOf('/')));
            } else {
                setAsideHash(table, old);
            }
            return;
        }
        if (from == to && (old.type() == field.type() || encrypted)) {
            return;
        }
        String column = quote(field.key());
        String alter = "ALTER TABLE " + table(table) + " ALTER COLUMN " + column + " TYPE " + to.sql() + " USING ";
        if (field.type().isComputed()) {
            // derived values are computed again on the next write; old ones carry no information of their own
            if (from != to) {
                step("CHANGE_TYPE", table, field.key(), alter + "NULL::" + to.sql());
            }
            return;
        }
        Optional<Conversion> conversion = TypeConversions.between(from, to, field);
        if (conversion.isEmpty()) {
            checks.add(blockedBy(table, field, pointer, column + " IS NOT NULL", List.of(),
                    "No conversion exists for this type change; it is possible only while the field holds no data."));
            step("CHANGE_TYPE", table, field.key(), alter + "NULL::" + to.sql());
            return;
        }
        Conversion c = conversion.get();
        if (c.blocks() != null) {
            checks.add(blockedBy(table, field, pointer, c.blocks().formatted(column), c.params(),
                    "Some stored values cannot become the new type; change them first or choose another type."));
        }
        if (from != to) {
            step("CHANGE_TYPE", table, field.key(), alter + c.using().formatted(column));
        }
    }

    private DataCheck blockedBy(String table, FieldDefinition field, String pointer, String predicate, List<Object> params,
                                String message) {
        String column = quote(field.key());
        String value = field.sensitive() ? "NULL" : column + "::text";
        String sql = "SELECT id::text, " + value + " FROM " + table(table) + " WHERE " + column + " IS NOT NULL AND ("
                + predicate + ") LIMIT 20";
        return new DataCheck(pointer, "TYPE_CHANGE_BLOCKED_BY_DATA", message, sql, params);
    }

    private void remember(CompiledForm form, String table) {
        Set<String> columns = existing.computeIfAbsent(table, t -> new HashSet<>());
        for (FieldDefinition field : form.definition().fields()) {
            columns.add(field.key());
            if (field.type() == FieldType.SUBTABLE) {
                form.subtable(field.key()).ifPresent(rows -> remember(rows, SqlNames.childTable(table, field.key())));
            }
        }
    }

    private boolean existed(String table, List<String> columns) {
        return existing.getOrDefault(table, Set.of()).containsAll(columns);
    }

    private String table(String table) {
        return SqlNames.qualified(schema, table);
    }

    private void step(String action, String table, String column, String sql) {
        steps.add(new MigrationStep(action, table, column, sql));
    }
}
