package dev.brickwork.designer.migration;

import dev.brickwork.forms.compile.CompiledForm;
import dev.brickwork.forms.model.FieldDefinition;
import dev.brickwork.forms.model.FieldSpec;
import dev.brickwork.forms.model.FieldType;
import dev.brickwork.forms.model.RuleDefinition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static dev.brickwork.designer.migration.SqlNames.quote;

/** The indexes and constraints a compiled form wants on its table and child tables. */
final class TableObjects {

    private final String schema;
    /** the schema pg_trgm is installed in, or null: then {@code q} has no index to use */
    private final String trigrams;

    /** whether brickwork.short_grams exists: then one- and two-character searches of text fields get an index */
    private final boolean shortGrams;

    TableObjects(String schema, String trigrams, boolean shortGrams) {
        this.shortGrams = shortGrams;
        this.schema = schema;
        this.trigrams = trigrams;
    }

    /** Name to object, for the form's table and each subtable's child table. */
    Map<String, TableObject> of(CompiledForm form, String table) {
        Map<String, TableObject> objects = new LinkedHashMap<>();
        listIndexes(form, table, objects);
        fieldObjects(form, table, "/fields", objects);
        List<RuleDefinition> rules = form.definition().rules();
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i) instanceof RuleDefinition.Duplicate rule) {
                add(objects, duplicateIndex(form, table, rule, "/rules/" + i));
                rule.also().forEach(also -> add(objects, alsoIndex(form, table, rule, also)));
            }
        }
        return objects;
    }

    /**
     * What a list of live records needs beyond the fields' own indexes (decision 0028): the sorts by createdAt and
     * updatedAt in keyset order (column, id), a trigram index per column {@code q} searches, so that its
     * {@code ILIKE} over them is a BitmapOr of index scans, and a {@code short_grams} index per text field for a
     * {@code q} of one or two characters, which has no trigram.
     */
    private void listIndexes(CompiledForm form, String table, Map<String, TableObject> objects) {
        for (String column : List.of("created_at", "updated_at")) {
            add(objects, liveIndex("ls", table, column, "(" + quote(column) + ", id)"));
        }
        for (FieldDefinition field : form.definition().fields()) {
            if (trigrams != null && ColumnType.of(field, form).filter(type -> ColumnType.searched(field, type)).isPresent()) {
                add(objects, liveIndex("tg", table, field.key(),
                        "USING gin (" + quote(field.key()) + " " + quote(trigrams) + ".gin_trgm_ops)"));
            }
            if (shortGrams && ColumnType.of(field, form).filter(type -> ColumnType.shortSearched(field, type)).isPresent()) {
                add(objects, pieceIndex(table, field.key()));
            }
        }
    }

    /**
     * The one- and two-character pieces of a text field, for a short {@code q}. Over every row, not only live ones:
     * PostgreSQL keeps statistics of an index's expression only for a whole-table index, and without them it takes
     * every piece for rare and walks the table instead of the index.
     */
    private TableObject pieceIndex(String table, String column) {
        String body = "ON " + SqlNames.qualified(schema, table) + " USING gin (" + ColumnType.SHORT_GRAMS + "(" + quote(column) + "))";
        String name = SqlNames.object("sg", table, column, body);
        return new TableObject(name, table, List.of(column), "CREATE INDEX " + quote(name) + " " + body, dropIndex(name), null);
    }

    /** An index over live records only, as every list but the recycle bin's reads them. */
    private TableObject liveIndex(String kind, String table, String column, String columns) {
        String body = "ON " + SqlNames.qualified(schema, table) + " " + columns + " WHERE deleted_at IS NULL";
        String name = SqlNames.object(kind, table, column, body);
        return new TableObject(name, table, List.of(column), "CREATE INDEX " + quote(name) + " " + body, dropIndex(name), null);
    }

    private void fieldObjects(CompiledForm form, String table, String pointer, Map<String, TableObject> objects) {
        List<FieldDefinition> fields = form.definition().fields();
        for (int i = 0; i < fields.size(); i++) {
            FieldDefinition field = fields.get(i);
            String at = pointer + "/" + i;
            if (field.spec() instanceof FieldSpec.Subtable) {
                String child = SqlNames.childTable(table, field.key());
                form.subtable(field.key()).ifPresent(rows -> fieldObjects(rows, child, at + "/fields", objects));
                continue;
            }
            ColumnType type = ColumnType.of(field, form).orElseThrow();
            if (ColumnType.encrypted(field)) {
                // the ciphertext is never compared; its keyed hash serves equality filters and unique values
                String hash = SqlNames.hashColumn(field.key());
                // a hash is compared whole: a b-tree serves it (the column type decides only b-tree or GIN)
                add(objects, index(table, hash, ColumnType.TEXT, false));
                if (field.unique()) {
                    add(objects, unique(table, hash, at + "/unique"));
                }
                continue;
            }
            if (field.spec() instanceof FieldSpec.Reference reference) {
                add(objects, foreignKey(table, field.key(), reference.target(), at));
            }
            // a lookup of a reference may be a roll-up's via: indexed like one, never a foreign key (the platform fills it)
            FieldType stored = form.lookup(field.key()).map(l -> l.valueField().type()).orElse(field.type());
            boolean lookedUp = stored == FieldType.REFERENCE || stored == FieldType.USER || stored == FieldType.DEPARTMENT;
            if (field.index() || lookedUp) {
                add(objects, index(table, field.key(), type, !type.isComposite()));
            }
            if (field.unique() && !type.isComposite()) {
                add(objects, unique(table, field.key(), at + "/unique"));
            }
        }
    }

    /**
     * A field's own index. With {@code sorted} it is a b-tree on (column, id): it serves the field's filters and its
     * sort in keyset order, the id breaking ties; it replaces the b-tree on the column alone of earlier releases.
     */
    private TableObject index(String table, String column, ColumnType type, boolean sorted) {
        String method = type.isComposite() ? "gin" : "btree";
        String on = "ON " + SqlNames.qualified(schema, table) + " USING " + method + " (" + quote(column);
        String body = on + (sorted ? ", id)" : ")");
        String name = SqlNames.object("ix", table, column, body);
        String replaces = sorted ? SqlNames.object("ix", table, column, on + ")") : null;
        return new TableObject(name, table, List.of(column), "CREATE INDEX " + quote(name) + " " + body, dropIndex(name), null,
                replaces);
    }

    private TableObject unique(String table, String column, String pointer) {
        String qualified = SqlNames.qualified(schema, table);
        String body = "ON " + qualified + " (" + quote(column) + ") WHERE deleted_at IS NULL";
        String name = SqlNames.object("ux", table, column, body);
        DataCheck check = new DataCheck(pointer, "UNIQUE_BLOCKED_BY_DATA",
                "Live records share a value; make them distinct before making the field unique.",
                "SELECT min(id::text), NULL FROM " + qualified + " WHERE deleted_at IS NULL AND " + quote(column)
                        + " IS NOT NULL GROUP BY " + quote(column) + " HAVING count(*) > 1 LIMIT 20", List.of());
        return new TableObject(name, table, List.of(column), "CREATE UNIQUE INDEX " + quote(name) + " " + body, dropIndex(name), check);
    }

    private TableObject foreignKey(String table, String column, String target, String pointer) {
        String qualified = SqlNames.qualified(schema, table);
        String targetTable = SqlNames.qualified(schema, target);
        String body = "FOREIGN KEY (" + quote(column) + ") REFERENCES " + targetTable + " (id)";
        String name = SqlNames.object("fk", table, column, body);
        DataCheck check = new DataCheck(pointer + "/target", "REFERENCE_BLOCKED_BY_DATA",
                "Stored values point at records that are not in the target form.",
                "SELECT t.id::text, NULL FROM " + qualified + " t WHERE t." + quote(column) + " IS NOT NULL AND NOT EXISTS"
                        + " (SELECT 1 FROM " + targetTable + " x WHERE x.id = t." + quote(column) + ") LIMIT 20", List.of());
        return new TableObject(name, table, List.of(column), "ALTER TABLE " + qualified + " ADD CONSTRAINT " + quote(name) + " " + body,
                "ALTER TABLE " + qualified + " DROP CONSTRAINT IF EXISTS " + quote(name), check);
    }

    private TableObject duplicateIndex(CompiledForm form, String table, RuleDefinition.Duplicate rule, String pointer) {
        Map<String, String> columns = new LinkedHashMap<>();
        rule.fields().forEach(key -> columns.put(key, key));
        List<String> expressions = comparedExpressions(form, rule, columns);
        String qualified = SqlNames.qualified(schema, table);
        boolean block = rule.action() == RuleDefinition.DuplicateAction.BLOCK;
        String where = comparedRows(expressions);
        String body = "ON " + qualified + " (" + String.join(", ", expressions) + ")" + where;
        String name = SqlNames.object(block ? "dx" : "dw", table, rule.key(), body);
        DataCheck check = block ? new DataCheck(pointer, "DUPLICATE_RULE_BLOCKED_BY_DATA",
                "Live records are already duplicates under this rule; merge or change them before blocking duplicates.",
                "SELECT min(id::text), NULL FROM " + qualified + where + " GROUP BY " + String.join(", ", expressions)
                        + " HAVING count(*) > 1 LIMIT 20", List.of()) : null;
        String create = (block ? "CREATE UNIQUE INDEX " : "CREATE INDEX ") + quote(name) + " " + body;
        return new TableObject(name, table, rule.fields(), create, dropIndex(name), check);
    }

    /**
     * The index a rule's {@code also} needs on the other form's table, so a write here finds that form's records by
     * the same normalised values. Plain, never unique: two forms' records may match (that is what warns or blocks),
     * and the block is this form's check at write time. It belongs to this form's versions: this form's publishes
     * create and drop it; the other form's publishes never see it.
     */
    private TableObject alsoIndex(CompiledForm form, String table, RuleDefinition.Duplicate rule, RuleDefinition.Also also) {
        List<String> expressions = comparedExpressions(form, rule, also.fields());
        String body = "ON " + SqlNames.qualified(schema, also.form()) + " (" + String.join(", ", expressions) + ")"
                + comparedRows(expressions);
        String name = SqlNames.object("da", also.form(), table + "_" + rule.key(), body);
        return new TableObject(name, also.form(), List.copyOf(also.fields().values()),
                "CREATE INDEX " + quote(name) + " " + body, dropIndex(name), null);
    }

    /**
     * What a rule compares, one expression per field of the rule, over {@code columns} (the rule's field to the
     * column compared with it: its own, or the other form's). An encrypted field compares through its keyed hash.
     */
    private static List<String> comparedExpressions(CompiledForm form, RuleDefinition.Duplicate rule,
                                                    Map<String, String> columns) {
        List<String> expressions = new ArrayList<>();
        for (String key : rule.fields()) {
            boolean encrypted = form.definition().field(key).map(ColumnType::encrypted).orElse(false);
            RuleDefinition.NormalizeMode mode = encrypted ? null : rule.normalize().get(key);
            String column = quote(encrypted ? SqlNames.hashColumn(columns.get(key)) : columns.get(key));
            expressions.add(mode == null ? column
                    : "brickwork.norm_" + mode.name().toLowerCase(Locale.ROOT) + "(" + column + "::text)");
        }
        return expressions;
    }

    /** Live rows whose compared values are all present: blank never matches. */
    private static String comparedRows(List<String> expressions) {
        return " WHERE deleted_at IS NULL AND " + String.join(" AND ", expressions.stream().map(e -> e + " IS NOT NULL").toList());
    }

    private String dropIndex(String name) {
        return "DROP INDEX IF EXISTS " + SqlNames.qualified(schema, name);
    }

    private static void add(Map<String, TableObject> objects, TableObject object) {
        objects.put(object.name(), object);
    }
}
