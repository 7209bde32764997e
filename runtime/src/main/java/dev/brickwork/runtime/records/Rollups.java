package dev.brickwork.runtime.records;

import dev.brickwork.designer.form.PublishedForms.PublishedForm;
import dev.brickwork.designer.migration.SqlNames;
import dev.brickwork.forms.model.FieldDefinition;
import dev.brickwork.forms.model.FieldSpec;
import dev.brickwork.runtime.records.query.Params;
import dev.brickwork.runtime.records.query.StoredFilters;
import dev.brickwork.runtime.records.sql.FormTable;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Keeps roll-up columns true in the same transaction as the write that changes them: when a record of a source
 * form is created, changed, deleted or restored, the roll-ups of the records it points at are computed again.
 */
final class Rollups {

    /** A roll-up field of {@code parent} aggregating records of the form {@code source}. */
    record Link(FormTable parent, FieldDefinition field, FieldSpec.Rollup spec, FormTable source) {
    }

    private Rollups() {
    }

    /** The roll-ups of the app's forms whose source is {@code sourceKey}. */
    static List<Link> over(String appKey, Map<String, PublishedForm> forms, String sourceKey,
                           dev.brickwork.runtime.crypto.FieldCipher cipher) {
        List<Link> links = new ArrayList<>();
        PublishedForm source = forms.get(sourceKey);
        if (source == null) {
            return links;
        }
        for (PublishedForm parent : forms.values()) {
            for (FieldDefinition field : parent.form().fields()) {
                if (field.spec() instanceof FieldSpec.Rollup rollup && rollup.source().equals(sourceKey)) {
                    links.add(new Link(FormTable.of(parent).withCipher(cipher), field, rollup,
                            FormTable.of(source)));
                }
            }
        }
        return links;
    }

    /**
     * Computes the roll-up again for the given parent records; the parents whose value changed. A roll-up with a
     * {@code filter} aggregates only the live source records it matches, so a source that moves in or out of it (a
     * payment confirmed, voided) changes the total like one created or deleted.
     */
    static Uni<List<UUID>> refresh(SqlConnection connection, Link link, List<UUID> parents) {
        if (parents.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Params params = new Params();
        String ids = params.add(parents.toArray(UUID[]::new));
        String filter = link.spec().filter() == null ? ""
                : " AND " + StoredFilters.render(link.spec().filter(), link.source(), "s", params);
        String via = SqlNames.quote(link.spec().via());
        String column = SqlNames.quote(link.field().key());
        // only rows whose value changes are written (and returned), so what follows a change stops where nothing changed
        String sql = "UPDATE " + link.parent().qualified() + " p SET " + column + " = n.v FROM (SELECT q.id, (SELECT "
                + aggregate(link) + " FROM " + link.source().qualified() + " s WHERE s." + via + " = q.id"
                + " AND s.deleted_at IS NULL" + filter + ") AS v FROM " + link.parent().qualified() + " q WHERE q.id = ANY("
                + ids + ")) n WHERE p.id = n.id AND p." + column + " IS DISTINCT FROM n.v RETURNING p.id";
        return connection.preparedQuery(sql).execute(Tuple.from(params.values())).map(rows -> {
            List<UUID> changed = new ArrayList<>();
            rows.forEach(row -> changed.add(row.getUUID("id")));
            return changed;
        });
    }

    /** Over money the result keeps money's two decimals, so a roll-up reads like the amounts it adds up. */
    private static String aggregate(Link link) {
        FieldSpec.Rollup spec = link.spec();
        String field = spec.field() == null ? null : "s." + SqlNames.quote(spec.field());
        boolean money = spec.field() != null && link.source().column(spec.field())
                .map(c -> c.field().type() == dev.brickwork.forms.model.FieldType.MONEY).orElse(false);
        return switch (spec.aggregate()) {
            case SUM -> "coalesce(sum(" + field + "), " + (money ? "0.00" : "0") + ")";
            case COUNT -> "count(*)";
            case AVG -> money ? "round(avg(" + field + "), 2)" : "avg(" + field + ")";
            case MIN -> "min(" + field + ")";
            case MAX -> "max(" + field + ")";
        };
    }
}
