package dev.brickwork.runtime.records;

import dev.brickwork.runtime.access.Access;
import dev.brickwork.runtime.access.Action;
import dev.brickwork.runtime.access.Scope;
import dev.brickwork.runtime.access.ScopeSql;
import dev.brickwork.runtime.records.query.Params;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What the caller may do to one live record they can read, row scopes included, so a screen shows only the actions
 * that would succeed (docs/spec.md §4, {@code meta.can}). One query: each action's scope condition as a column.
 */
@ApplicationScoped
public class RecordPermissions {

    /** The actions a record's own row scope decides; create, import and export are the form's. */
    static final List<Action> ON_A_RECORD = List.of(Action.UPDATE, Action.DELETE);

    @Inject
    Pool pool;

    @Inject
    RecordContexts contexts;

    /** The record's actions the caller may take; 404 when the record is not live or not readable. */
    public Uni<Set<Action>> allowed(String appKey, String formKey, UUID id, Access access) {
        return contexts.run(appKey, formKey, access, context -> allowed(context, id));
    }

    Uni<Set<Action>> allowed(RecordContext context, UUID id) {
        Guard.require(context, Action.READ);
        Params params = new Params();
        StringBuilder columns = new StringBuilder();
        for (Action action : ON_A_RECORD) {
            Scope scope = context.access().scope(action);
            String condition = ScopeSql.condition(scope, context.access().caller(), "r", params);
            columns.append(columns.isEmpty() ? "" : ", ").append(condition == null ? "true" : "(" + condition + ")");
        }
        String read = ScopeSql.condition(context.access().scope(Action.READ), context.access().caller(), "r", params);
        String sql = "SELECT " + columns + " FROM " + context.table().qualified() + " r WHERE r.id = " + params.add(id)
                + " AND r.deleted_at IS NULL" + Guard.and(read);
        return pool.preparedQuery(sql).execute(Tuple.from(params.values())).map(rows -> {
            if (!rows.iterator().hasNext()) {
                throw RecordQueries.notFound();
            }
            Row row = rows.iterator().next();
            Set<Action> allowed = EnumSet.noneOf(Action.class);
            for (int i = 0; i < ON_A_RECORD.size(); i++) {
                if (Boolean.TRUE.equals(row.getBoolean(i))) {
                    allowed.add(ON_A_RECORD.get(i));
                }
            }
            return allowed;
        });
    }
}
