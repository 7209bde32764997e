package dev.brickwork.runtime.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.designer.form.PublishedForms.PublishedForm;
import dev.brickwork.designer.migration.SqlNames;
import dev.brickwork.forms.compile.CompiledLookup;
import dev.brickwork.forms.model.FieldDefinition;
import dev.brickwork.forms.record.RecordValidator;
import dev.brickwork.runtime.crypto.FieldCipher;
import dev.brickwork.runtime.records.sql.Column;
import dev.brickwork.runtime.records.sql.FormTable;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Lookup fields (docs/spec.md §2 addition): filled from the referenced record before a write is validated, so the
 * record's formulas and rules see them, and kept true in the same transaction when the referenced record changes —
 * and from there on, like roll-ups: a changed lookup moves the roll-ups that aggregate or go via it, and the lookups
 * of it. The compiler refuses circles (COMPUTED_CYCLE); {@link #MAX_DEPTH} is the guard if one got through.
 */
public final class Lookups {

    static final int MAX_DEPTH = 32;
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** The lookups of one form that read through one reference field. */
    private record ByVia(String via, PublishedForm target, List<CompiledLookup> lookups) {
    }

    private Lookups() {
    }

    /**
     * Sets every lookup of the record's fields to the referenced record's value (null without a reference). A
     * reference that names no record leaves its lookups null: the write is refused for that reference anyway.
     */
    static Uni<ObjectNode> fill(SqlClient client, RecordContext context, ObjectNode fields) {
        List<ByVia> groups = byVia(context.published(), context.forms(), null);
        Uni<ObjectNode> chain = Uni.createFrom().item(fields);
        for (ByVia group : groups) {
            JsonNode via = fields.get(group.via());
            if (via == null || !via.isTextual() || !UUID_TEXT.matcher(via.textValue()).matches()) {
                group.lookups().forEach(lookup -> fields.set(lookup.key(), NullNode.getInstance()));
                continue;
            }
            FormTable target = FormTable.of(group.target());
            chain = chain.call(() -> RecordRows.load(client, target, UUID.fromString(via.textValue()), false).invoke(row -> {
                for (CompiledLookup lookup : group.lookups()) {
                    Column column = target.column(lookup.targetField()).orElse(null);
                    fields.set(lookup.key(), row == null || column == null ? NullNode.getInstance()
                            : RecordJson.value(target, row, column));
                }
            }));
        }
        return chain;
    }

    /**
     * After records of {@code formKey} changed: copies their new values into the lookups that read them, and for
     * each record whose lookups changed, computes its formulas again and follows on (its roll-up parents, its own
     * dependents). Derived values only: the records' versions stay.
     */
    public static Uni<Void> dependents(SqlConnection connection, String appKey, Map<String, PublishedForm> forms, String formKey,
                                FieldCipher cipher, RecordValidator validator, List<UUID> ids, int depth) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        if (depth > MAX_DEPTH) {
            throw new IllegalStateException("Lookups and roll-ups of app " + appKey + " do not settle");
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (PublishedForm form : forms.values()) {
            for (ByVia group : byVia(form, forms, formKey)) {
                FormTable table = FormTable.of(form).withCipher(cipher);
                String formOfGroup = form.form().definition().key();
                chain = chain.chain(() -> copy(connection, table, group, ids).chain(changed -> follow(connection, appKey,
                        forms, formOfGroup, table, cipher, validator, changed, depth)));
            }
        }
        return chain;
    }

    /** The rows whose lookups changed, as they were before: their old via values tell which parents to refresh. */
    private static Uni<List<Row>> copy(SqlConnection connection, FormTable table, ByVia group, List<UUID> ids) {
        FormTable target = FormTable.of(group.target());
        String via = SqlNames.quote(group.via());
        List<String> sets = new ArrayList<>();
        List<String> differ = new ArrayList<>();
        for (CompiledLookup lookup : group.lookups()) {
            String column = SqlNames.quote(lookup.key());
            String source = "t." + SqlNames.quote(lookup.targetField());
            sets.add(column + " = " + source);
            differ.add("l." + column + " IS DISTINCT FROM " + source);
        }
        // every part of a WITH sees the same snapshot: "old" holds the rows as they were before "changed" updated them
        String sql = "WITH old AS (SELECT " + table.selectList("l") + " FROM " + table.qualified() + " l WHERE l." + via
                + " = ANY($1)), changed AS (UPDATE " + table.qualified() + " l SET " + String.join(", ", sets)
                + " FROM " + target.qualified() + " t WHERE t.id = l." + via + " AND l." + via + " = ANY($1) AND ("
                + String.join(" OR ", differ) + ") RETURNING l.id) SELECT old.* FROM old JOIN changed ON changed.id = old.id";
        return connection.preparedQuery(sql).execute(Tuple.of(ids.toArray(UUID[]::new))).map(rows -> {
            List<Row> before = new ArrayList<>();
            rows.forEach(before::add);
            return before;
        });
    }

    private static Uni<Void> follow(SqlConnection connection, String appKey, Map<String, PublishedForm> forms,
                                    String formKey, FormTable table, FieldCipher cipher, RecordValidator validator,
                                    List<Row> changed, int depth) {
        List<UUID> ids = changed.stream().map(row -> row.getUUID("id")).toList();
        Uni<Void> chain = DerivedValues.recompute(connection, table, validator, ids);
        for (Row before : changed) {
            chain = chain.chain(() -> RecordRows.load(connection, table, before.getUUID("id"), false)
                    .chain(after -> RecordEffects.parentRollups(connection, appKey, forms, formKey, cipher, validator,
                            before, after, depth + 1)));
        }
        return chain.chain(() -> dependents(connection, appKey, forms, formKey, cipher, validator, ids, depth + 1));
    }

    /** The form's lookups by reference field; only those reading {@code targetKey} when it is not null. */
    private static List<ByVia> byVia(PublishedForm form, Map<String, PublishedForm> forms, String targetKey) {
        Map<String, ByVia> groups = new LinkedHashMap<>();
        for (FieldDefinition field : form.form().fields()) {
            CompiledLookup lookup = form.form().lookup(field.key()).orElse(null);
            PublishedForm target = lookup == null ? null : forms.get(lookup.targetForm());
            if (target == null || targetKey != null && !targetKey.equals(lookup.targetForm())) {
                continue;
            }
            groups.computeIfAbsent(lookup.via(), via -> new ByVia(via, target, new ArrayList<>())).lookups().add(lookup);
        }
        return List.copyOf(groups.values());
    }
}
