package dev.brickwork.runtime.records;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.designer.form.PublishedForms.PublishedForm;
import dev.brickwork.forms.record.RecordValidator;
import dev.brickwork.runtime.crypto.FieldCipher;
import dev.brickwork.forms.model.FieldDefinition;
import dev.brickwork.forms.model.FieldSpec;
import dev.brickwork.runtime.records.sql.FormTable;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What a write sets off in the same transaction: roll-ups and lookups that read the record (and what reads those),
 * then the record read back and its timeline entry.
 */
final class RecordEffects {

    private RecordEffects() {
    }

    /** Computes this record's own roll-ups (a new record, or one whose sources changed). */
    static Uni<Void> ownRollups(SqlConnection connection, RecordContext context, RecordValidator validator, UUID id) {
        List<Rollups.Link> links = new ArrayList<>();
        for (FieldDefinition field : context.published().form().fields()) {
            if (field.spec() instanceof FieldSpec.Rollup rollup && context.forms().containsKey(rollup.source())) {
                links.add(new Rollups.Link(context.table(), field, rollup,
                        FormTable.of(context.forms().get(rollup.source()))));
            }
        }
        return each(links, link -> Rollups.refresh(connection, link, List.of(id)).replaceWithVoid())
                .chain(() -> links.isEmpty() ? Uni.createFrom().voidItem()
                        : DerivedValues.recompute(connection, context.table(), validator, List.of(id)));
    }

    /** Recomputes the roll-ups of the records this one points at, before and after the write. */
    static Uni<Void> parentRollups(SqlConnection connection, RecordContext context, RecordValidator validator,
                                    Row before, Row after) {
        return parentRollups(connection, context.appKey(), context.forms(), context.formKey(), context.table().cipherIfAny(),
                validator, before, after, 0);
    }

    /**
     * As above for a record of any form of the app; the parents' formulas are computed again, and the lookups of
     * them follow ({@code depth}: how many such steps led here).
     */
    static Uni<Void> parentRollups(SqlConnection connection, String appKey, Map<String, PublishedForm> forms,
                                    String formKey, FieldCipher cipher, RecordValidator validator, Row before, Row after,
                                    int depth) {
        List<Rollups.Link> links = Rollups.over(appKey, forms, formKey, cipher);
        return each(links, link -> {
            Set<UUID> parents = new LinkedHashSet<>();
            for (Row row : new Row[] {before, after}) {
                if (row != null && row.getValue(link.spec().via()) != null) {
                    parents.add(row.getUUID(link.spec().via()));
                }
            }
            List<UUID> ids = new ArrayList<>(parents);
            return Rollups.refresh(connection, link, ids)
                    .call(changed -> DerivedValues.recompute(connection, link.parent(), validator, ids))
                    .chain(changed -> changedParents(connection, appKey, forms, link.parent(), cipher, validator, changed,
                            depth + 1));
        });
    }

    /**
     * Parents whose roll-up changed are changed records too: the lookups of them and the roll-ups over them (a
     * customer's total of its contracts' received amounts) follow, as far as values change.
     */
    private static Uni<Void> changedParents(SqlConnection connection, String appKey, Map<String, PublishedForm> forms,
                                            FormTable parent, FieldCipher cipher, RecordValidator validator,
                                            List<UUID> changed, int depth) {
        if (depth > Lookups.MAX_DEPTH) {
            throw new IllegalStateException("Lookups and roll-ups of app " + appKey + " do not settle");
        }
        String formKey = parent.form().definition().key();
        Uni<Void> chain = Lookups.dependents(connection, appKey, forms, formKey, cipher, validator, changed, depth);
        for (UUID id : changed) {
            chain = chain.chain(() -> RecordRows.load(connection, parent, id, false).chain(row -> row == null
                    ? Uni.createFrom().voidItem()
                    : parentRollups(connection, appKey, forms, formKey, cipher, validator, row, row, depth)));
        }
        return chain;
    }

    /**
     * The record as the API shows it, from the row a write returned; read again only when the write's own
     * roll-ups changed it since (a create of a form with roll-ups).
     */
    static Uni<ObjectNode> shape(SqlConnection connection, RecordContext context, Row row, boolean created) {
        boolean rollups = created && context.published().form().fields().stream()
                .anyMatch(f -> f.spec() instanceof FieldSpec.Rollup);
        if (rollups) {
            return readBack(connection, context, row.getUUID("id"));
        }
        UUID id = row.getUUID("id");
        return RecordRows.children(connection, context.table(), id).map(rows -> RecordJson.record(context.table(), row, rows));
    }

    /** Reads the record back as the API shows it. */
    static Uni<ObjectNode> readBack(SqlConnection connection, RecordContext context, UUID id) {
        return RecordRows.load(connection, context.table(), id, false).chain(row -> RecordRows
                .children(connection, context.table(), id)
                .map(rows -> RecordJson.record(context.table(), row, rows)));
    }

    /** Runs the actions one after the other on the connection (statements on one connection never overlap). */
    private static <T> Uni<Void> each(List<T> items, java.util.function.Function<T, Uni<Void>> action) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (T item : items) {
            chain = chain.chain(() -> action.apply(item));
        }
        return chain;
    }
}
