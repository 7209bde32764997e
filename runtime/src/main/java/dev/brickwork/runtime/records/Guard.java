package dev.brickwork.runtime.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.platform.http.CommonProblem;
import dev.brickwork.platform.http.ProblemError;
import dev.brickwork.platform.http.ProblemException;
import dev.brickwork.runtime.access.Action;
import dev.brickwork.runtime.access.Caller;
import dev.brickwork.runtime.access.FieldAccess;
import dev.brickwork.runtime.access.Scope;
import dev.brickwork.runtime.access.ScopeSql;
import dev.brickwork.runtime.records.query.Params;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

/**
 * Applies the caller's rights to one record: every load carries the read scope in its SQL (a record outside it is
 * 404, as if it did not exist), other actions need their own scope (403), and hidden or read-only fields cannot be
 * written (422).
 */
final class Guard {

    private Guard() {
    }

    /** 403 when the caller's roles grant the action on no record of the form at all. */
    static void require(RecordContext context, Action action) {
        if (context.access().scope(action) == Scope.NONE) {
            throw new ProblemException(CommonProblem.FORBIDDEN, "Your roles do not allow this on this form.");
        }
    }

    /**
     * The record if it exists, is in the read scope and is in the recycle bin ({@code deleted} true), not in it
     * (false), or either (null).
     */
    static Uni<Row> load(SqlClient client, RecordContext context, UUID id, boolean lock, Boolean deleted) {
        require(context, Action.READ);
        Params params = new Params();
        String sql = "SELECT " + context.table().selectList("r") + " FROM " + context.table().qualified() + " r WHERE r.id = " + params.add(id)
                + (deleted == null ? "" : " AND r.deleted_at IS " + (deleted ? "NOT NULL" : "NULL"))
                + and(ScopeSql.condition(context.access().scope(Action.READ), context.access().caller(), "r", params))
                + (lock ? " FOR UPDATE" : "");
        return client.preparedQuery(sql).execute(Tuple.from(params.values())).map(rows -> {
            if (!rows.iterator().hasNext()) {
                throw RecordQueries.notFound();
            }
            return rows.iterator().next();
        });
    }

    /** 403 unless the record is within the caller's scope for the action (it is already known to be readable). */
    static Uni<Void> inScope(SqlClient client, RecordContext context, UUID id, Action action) {
        require(context, action);
        Params params = new Params();
        String condition = ScopeSql.condition(context.access().scope(action), context.access().caller(), "r", params);
        if (condition == null) {
            return Uni.createFrom().voidItem();
        }
        String sql = "SELECT 1 FROM " + context.table().qualified() + " r WHERE r.id = " + params.add(id) + " AND " + condition;
        return client.preparedQuery(sql).execute(Tuple.from(params.values())).invoke(rows -> {
            if (!rows.iterator().hasNext()) {
                throw new ProblemException(CommonProblem.FORBIDDEN, "This record is outside what your roles let you change.");
            }
        }).replaceWithVoid();
    }

    /**
     * A new owner must be a live user within the caller's scope for the action: changing an owner needs rights
     * over the new owner as well as the record.
     */
    static Uni<Void> ownerInScope(SqlClient client, RecordContext context, UUID owner, Action action) {
        Caller caller = context.access().caller();
        Scope scope = context.access().scope(action);
        Params params = new Params();
        String condition = switch (scope) {
            case ALL -> "true";
            case OWN -> "u.id = " + params.add(caller.id() == null ? new UUID(0, 0) : caller.id());
            case DEPARTMENT -> caller.department() == null ? "u.id = " + params.add(caller.id())
                    : "u.department_id = " + params.add(caller.department());
            case SUBTREE -> caller.subtree().isEmpty() ? "u.id = " + params.add(caller.id())
                    : "u.department_id = ANY(" + params.add(caller.subtree().toArray(UUID[]::new)) + ")";
            case NONE -> "false";
        };
        String sql = "SELECT 1 FROM brickwork.users u WHERE u.id = " + params.add(owner) + " AND NOT u.disabled AND " + condition;
        return client.preparedQuery(sql).execute(Tuple.from(params.values())).invoke(rows -> {
            if (!rows.iterator().hasNext()) {
                throw new ProblemException(CommonProblem.FORBIDDEN, "You may not give records to this owner.",
                        List.of(ProblemError.of("/owner", "OWNER_OUT_OF_SCOPE", "The owner is not a user within your scope.")));
            }
        }).replaceWithVoid();
    }

    /** Hidden fields do not exist for the caller; read-only ones may not be written. */
    static void writable(RecordContext context, ObjectNode fields) {
        List<ProblemError> errors = new ArrayList<>();
        for (Iterator<String> keys = fields.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            FieldAccess access = context.access().field(key);
            if (access == FieldAccess.HIDDEN) {
                errors.add(ProblemError.of("/fields/" + key, "FIELD_UNKNOWN", "The form has no such field."));
            } else if (access == FieldAccess.READONLY) {
                errors.add(ProblemError.of("/fields/" + key, "FIELD_READ_ONLY", "Your roles let you read this field, not write it."));
            }
        }
        if (!errors.isEmpty()) {
            throw RecordInput.invalid(errors);
        }
    }

    /** The record as the caller may see it: hidden fields taken out of its fields and of timeline diffs. */
    static ObjectNode visible(RecordContext context, ObjectNode record) {
        JsonNode fields = record.get("fields");
        if (fields instanceof ObjectNode object) {
            object.remove(context.access().hidden());
        }
        return record;
    }

    /**
     * A duplicate match as the caller may learn it: only the records they may read, and none at all of a form whose
     * compared fields they cannot see (the match would tell them that field's value). This form's or an
     * {@code also} form's match alike; what a blocking rule refuses does not depend on it.
     */
    static Uni<Integrity.Match> visible(SqlClient client, RecordContext context, Integrity.Match match) {
        RecordContext on = match.form().equals(context.formKey()) ? context : context.other(match.form());
        if (on == null || comparedFields(match).stream().anyMatch(on.access().hidden()::contains)) {
            return Uni.createFrom().item(match.withRecords(List.of()));
        }
        return readable(client, on, match.records()).map(match::withRecords);
    }

    /** The fields of the match's form the rule compares: its own, or those its {@code also} maps to. */
    private static java.util.Collection<String> comparedFields(Integrity.Match match) {
        return match.rule().also().stream().filter(also -> also.form().equals(match.form()))
                .<java.util.Collection<String>>map(also -> also.fields().values())
                .findFirst().orElse(match.rule().fields());
    }

    /** The ids among {@code ids} the caller may read: what a duplicate check may show them. */
    private static Uni<List<UUID>> readable(SqlClient client, RecordContext context, List<UUID> ids) {
        Params params = new Params();
        String condition = ScopeSql.condition(context.access().scope(Action.READ), context.access().caller(), "r", params);
        if (condition == null || ids.isEmpty()) {
            return Uni.createFrom().item(ids);
        }
        String sql = "SELECT r.id FROM " + context.table().qualified() + " r WHERE r.id = ANY("
                + params.add(ids.toArray(UUID[]::new)) + ") AND " + condition + " ORDER BY r.id";
        return client.preparedQuery(sql).execute(Tuple.from(params.values())).map(rows -> {
            List<UUID> visible = new ArrayList<>();
            for (Row row : rows) {
                visible.add(row.getUUID(0));
            }
            return visible;
        });
    }

    static String and(String condition) {
        return condition == null ? "" : " AND " + condition;
    }
}
