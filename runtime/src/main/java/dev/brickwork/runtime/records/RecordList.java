package dev.brickwork.runtime.records;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.runtime.access.Access;
import dev.brickwork.runtime.access.Action;
import dev.brickwork.runtime.access.ScopeSql;
import dev.brickwork.runtime.records.query.CursorCodec;
import dev.brickwork.runtime.records.query.GroupQueries;
import dev.brickwork.runtime.records.query.GroupRequest;
import dev.brickwork.runtime.records.query.ListPlan;
import dev.brickwork.runtime.records.query.ListQueries;
import dev.brickwork.runtime.records.query.ListRequest;
import dev.brickwork.runtime.records.query.ScopePredicate;
import dev.brickwork.runtime.records.query.SqlQuery;
import dev.brickwork.runtime.records.sql.SystemField;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A page of records (docs/spec.md §4): filtered, sorted, searched, keyset-paged, optionally counted. */
@ApplicationScoped
public class RecordList {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Inject
    Pool pool;

    @Inject
    RecordContexts contexts;

    @Inject
    dev.brickwork.forms.record.RecordValidator validator;

    @Inject
    ListTotals totals;

    private final CursorCodec cursors;

    /**
     * @param secret signs cursors; every node of one installation must share it. Without one a random key is made,
     *               and cursors stop working when the server restarts.
     */
    @Inject
    public RecordList(@ConfigProperty(name = "brickwork.cursor.secret") Optional<String> secret) {
        byte[] key = secret.filter(s -> !s.isBlank()).map(s -> s.getBytes(StandardCharsets.UTF_8)).orElseGet(() -> {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return random;
        });
        this.cursors = new CursorCodec(key);
    }

    public Uni<ObjectNode> page(String appKey, String formKey, ListRequest request, Access access) {
        return contexts.run(appKey, formKey, access, context -> {
            Guard.require(context, Action.READ);
            ScopePredicate scope = ScopeSql.of(context.access().scope(Action.READ), context.access().caller());
            ListPlan plan = ListQueries.plan(context.visible(), request, cursors, scope);
            return execute(plan.page()).chain(rows -> {
                List<Row> page = new ArrayList<>();
                for (Row row : rows) {
                    if (page.size() < plan.limit()) {
                        page.add(row);
                    }
                }
                List<UUID> ids = page.stream().map(row -> row.getUUID("id")).toList();
                return RecordRows.children(pool, context.table(), ids).map(children -> {
                    ObjectNode result = JSON.objectNode();
                    ArrayNode items = result.putArray("items");
                    RowLayout layout = page.isEmpty() ? null : RowLayout.of(context.visible(), page.get(0));
                    for (Row row : page) {
                        items.add(TodaysFormulas.apply(context, validator, RecordJson.record(context.visible(), row,
                                children.getOrDefault(row.getUUID(layout.id()), java.util.Map.of()), layout)));
                    }
                    boolean more = plan.hasNextPage(rows.size());
                    result.put("nextCursor", more ? plan.nextCursor(page.get(page.size() - 1)) : null);
                    return result;
                });
            }).chain(result -> plan.count().isEmpty() ? Uni.createFrom().item(result)
                    : totals.of(plan.count().get()).map(total -> result.put("total", total.value())
                            .put("totalEstimated", total.estimated())));
        });
    }

    /**
     * Counts and sums per value of a select field over what the list with this filter and search would give the
     * caller (docs/spec.md §4 addition: a kanban's column heads). Sums travel as strings, like money.
     */
    public Uni<ObjectNode> groups(String appKey, String formKey, GroupRequest request, Access access) {
        return contexts.run(appKey, formKey, access, context -> {
            Guard.require(context, Action.READ);
            ScopePredicate scope = ScopeSql.of(context.access().scope(Action.READ), context.access().caller());
            SqlQuery query = GroupQueries.plan(context.visible(), request.groupBy(), request.sums(), request.list(), scope);
            return execute(query).map(rows -> {
                ObjectNode result = JSON.objectNode();
                ArrayNode groups = result.putArray("groups");
                for (Row row : rows) {
                    ObjectNode group = groups.addObject();
                    group.put("value", row.getString(0));
                    group.put("count", row.getLong(1));
                    ObjectNode summed = group.putObject("sums");
                    for (int i = 0; i < request.sums().size(); i++) {
                        summed.put(request.sums().get(i).asText(), row.getString(2 + i));
                    }
                }
                return result;
            });
        });
    }

    /**
     * Checks a list's filter, sort and search as {@link #page} would, without running it (a saved view's), and answers
     * the field keys the caller may see (the form's visible fields, then the system fields), to check columns against.
     *
     * @throws dev.brickwork.platform.http.ProblemException located under {@code /filter}, {@code /sort}, {@code /q}
     */
    public Uni<List<String>> check(String appKey, String formKey, ListRequest request, Access access) {
        return contexts.run(appKey, formKey, access, context -> {
            Guard.require(context, Action.READ);
            ListQueries.plan(context.visible(), request, cursors, ScopePredicate.NONE);
            List<String> keys = new ArrayList<>();
            context.visible().columns().forEach(column -> keys.add(column.key()));
            keys.addAll(context.visible().subtables().keySet());
            for (SystemField system : SystemField.values()) {
                keys.add(system.apiName());
            }
            return Uni.createFrom().item(keys);
        });
    }

    private Uni<io.vertx.mutiny.sqlclient.RowSet<Row>> execute(SqlQuery query) {
        return CustomPlans.execute(pool, query);
    }
}
