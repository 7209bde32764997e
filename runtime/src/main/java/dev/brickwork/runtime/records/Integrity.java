package dev.brickwork.runtime.records;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brickwork.forms.expr.Value;
import dev.brickwork.forms.model.FieldSpec;
import dev.brickwork.forms.model.FieldType;
import dev.brickwork.forms.model.RuleDefinition;
import dev.brickwork.forms.normalize.Normalizers;
import dev.brickwork.forms.record.RecordValidation;
import dev.brickwork.forms.record.RowValues;
import dev.brickwork.platform.http.ProblemError;
import dev.brickwork.runtime.records.sql.Column;
import dev.brickwork.runtime.records.sql.FormTable;
import dev.brickwork.runtime.records.sql.SensitiveValues;
import dev.brickwork.runtime.records.sql.SqlValues;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiPredicate;

/** The checks a write needs from the database: references that exist, unique values, duplicate rules. */
final class Integrity {

    /** A duplicate rule and the live records of one form ({@code form}: this one or one of its {@code also}) it matches. */
    record Match(RuleDefinition.Duplicate rule, String form, List<UUID> records) {

        Match withRecords(List<UUID> visible) {
            return new Match(rule, form, visible);
        }
    }

    private record Reference(String pointer, String target, UUID id) {
    }

    private Integrity() {
    }

    /**
     * Every reference (and user) value that points at nothing live, as located errors. A value the record already
     * held ({@code before}: its fields with subtable rows; null for a create) is not checked again: a user disabled or
     * a record deleted since must block neither unrelated edits nor a flow writing its outcome.
     */
    static Uni<List<ProblemError>> danglingReferences(SqlClient client, FormTable table, RecordValidation values,
                                                      JsonNode before) {
        List<Reference> references = new ArrayList<>();
        collect(table, values.values(), "/fields", references, (column, id) -> before != null
                && id.equals(before.path(column).asText(null)));
        values.rows().forEach((key, rows) -> table.subtable(key).ifPresent(child -> {
            for (int i = 0; i < rows.size(); i++) {
                String row = rows.get(i).id().orElse(null);
                collect(child, rows.get(i).values(), "/fields/" + key + "/" + i, references,
                        (column, id) -> before != null && row != null && heldInRow(before.path(key), row, column, id));
            }
        }));
        return Multi.createFrom().iterable(references)
                .onItem().transformToUniAndConcatenate(ref -> client.preparedQuery(existsSql(table, ref.target()))
                        .execute(Tuple.of(ref.id()))
                        .map(rows -> rows.iterator().hasNext() ? null
                                : ProblemError.of(ref.pointer(), "FIELD_REFERENCE_UNKNOWN", "No live record has this id.")))
                .filter(error -> error != null)
                .collect().asList();
    }

    /** Whether the existing row {@code row} (new rows have no id) held this value in this column already. */
    private static boolean heldInRow(JsonNode rows, String row, String column, String id) {
        for (JsonNode existing : rows) {
            if (row.equals(existing.path("id").asText(null))) {
                return id.equals(existing.path(column).asText(null));
            }
        }
        return false;
    }

    /** Unique fields whose value another live record already has. */
    static Uni<List<ProblemError>> takenUniqueValues(SqlClient client, FormTable table, Map<String, Value> values, UUID self) {
        List<Column> unique = table.columns().stream()
                .filter(c -> c.field().unique() && values.get(c.key()) != null && !(values.get(c.key()) instanceof Value.Null))
                .toList();
        return Multi.createFrom().iterable(unique)
                .onItem().transformToUniAndConcatenate(column -> client.preparedQuery("SELECT 1 FROM " + table.qualified()
                                + " WHERE " + (column.encrypted() ? column.hashQuoted() : column.quoted())
                                + " = $1 AND deleted_at IS NULL AND id IS DISTINCT FROM $2 LIMIT 1")
                        .execute(Tuple.of(comparable(table, column, values.get(column.key())), self))
                        .map(rows -> rows.iterator().hasNext()
                                ? ProblemError.of("/fields/" + column.key(), "FIELD_NOT_UNIQUE", "Another record has this value.")
                                : null))
                .filter(error -> error != null)
                .collect().asList();
    }

    /**
     * The duplicate rules the values match, with up to ten matching live records each: one match per rule and form,
     * this form's first, then each form of the rule's {@code also} (a form no longer published is skipped).
     * {@code before}: the record's stored fields for an update (null for a create and a restore). A rule whose
     * compared fields all keep their stored values is not checked again: the record passed it when those values were
     * written, and a record written since that matches it was checked then — so a converted lead's edit is not blocked
     * by the contact made from it.
     */
    static Uni<List<Match>> duplicates(SqlClient client, RecordContext context, Map<String, Value> values, UUID self,
                                       JsonNode before) {
        List<Uni<Match>> checks = new ArrayList<>();
        for (RuleDefinition rule : context.table().form().definition().rules()) {
            if (rule instanceof RuleDefinition.Duplicate duplicate && (before == null
                    || changesAny(context.table(), duplicate, values, before))) {
                Map<String, String> own = new LinkedHashMap<>();
                duplicate.fields().forEach(key -> own.put(key, key));
                checks.add(duplicate(client, context.table(), context.formKey(), duplicate, own, values, self));
                for (RuleDefinition.Also also : duplicate.also()) {
                    RecordContext other = context.other(also.form());
                    if (other != null) {
                        checks.add(duplicate(client, other.table(), also.form(), duplicate, also.fields(), values, null));
                    }
                }
            }
        }
        return Multi.createFrom().iterable(checks).onItem().transformToUniAndConcatenate(u -> u)
                .filter(match -> match != null && !match.records().isEmpty())
                .collect().asList();
    }

    private static boolean changesAny(FormTable table, RuleDefinition.Duplicate rule, Map<String, Value> values,
                                      JsonNode before) {
        for (String key : rule.fields()) {
            Value value = values.get(key);
            Column column = table.column(key).orElse(null);
            if (column == null || value == null || column.encrypted()
                    || !SqlValues.json(value, column.field().type()).equals(before.path(key))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The live records of {@code table} whose columns {@code columns} (rule field to the column compared with it)
     * hold the rule's values, compared as the rule says: normalised, exactly, or through the keyed hash.
     */
    private static Uni<Match> duplicate(SqlClient client, FormTable table, String form, RuleDefinition.Duplicate rule,
                                        Map<String, String> columns, Map<String, Value> values, UUID self) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        params.add(self);
        for (String key : rule.fields()) {
            Column column = table.column(columns.get(key)).orElse(null);
            Value value = values.get(key);
            if (column == null || value == null || value instanceof Value.Null) {
                return Uni.createFrom().nullItem();
            }
            RuleDefinition.NormalizeMode mode = rule.normalize().get(key);
            if (column.encrypted()) {
                // encrypted values compare exactly, through their keyed hash
                params.add(comparable(table, column, value));
                conditions.add(column.hashQuoted() + " = $" + params.size());
            } else if (mode == null) {
                params.add(SqlValues.bind(value, column.type()));
                conditions.add(column.quoted() + " = $" + params.size());
            } else {
                String normalized = Normalizers.apply(mode, text(value));
                if (normalized == null) {
                    return Uni.createFrom().nullItem();
                }
                String function = "brickwork.norm_" + mode.name().toLowerCase(Locale.ROOT);
                params.add(text(value));
                conditions.add(function + "(" + column.quoted() + "::text) = " + function + "($" + params.size() + ")");
            }
        }
        String sql = "SELECT id FROM " + table.qualified() + " WHERE deleted_at IS NULL AND id IS DISTINCT FROM $1 AND "
                + String.join(" AND ", conditions) + " ORDER BY id LIMIT 10";
        return client.preparedQuery(sql).execute(Tuple.from(params)).map(rows -> {
            List<UUID> ids = new ArrayList<>();
            for (Row row : rows) {
                ids.add(row.getUUID(0));
            }
            return new Match(rule, form, ids);
        });
    }

    /** What a stored column is compared with: the bind value, or for an encrypted column the value's keyed hash. */
    private static Object comparable(FormTable table, Column column, Value value) {
        return column.encrypted() ? SensitiveValues.hash(table, SensitiveValues.canonical(value))
                : SqlValues.bind(value, column.type());
    }

    private static void collect(FormTable table, Map<String, Value> values, String pointer, List<Reference> into,
                                BiPredicate<String, String> held) {
        for (Column column : table.columns()) {
            Value value = values.get(column.key());
            if (!(value instanceof Value.Text text) || held.test(column.key(), text.value())) {
                continue;
            }
            String target = column.field().type() == FieldType.USER ? "brickwork.users"
                    : column.field().spec() instanceof FieldSpec.Reference ref ? table.sibling(ref.target()) : null;
            if (target != null) {
                into.add(new Reference(pointer + "/" + column.key(), target, UUID.fromString(text.value())));
            }
        }
    }

    private static String existsSql(FormTable table, String target) {
        String live = target.equals("brickwork.users") ? " AND NOT disabled" : " AND deleted_at IS NULL";
        return "SELECT 1 FROM " + target + " WHERE id = $1" + live;
    }

    private static String text(Value value) {
        if (value instanceof Value.Text t) {
            return t.value();
        }
        if (value instanceof Value.Number n) {
            return n.value().toPlainString();
        }
        return String.valueOf(SqlValues.json(value, FieldType.TEXT).asText());
    }
}
