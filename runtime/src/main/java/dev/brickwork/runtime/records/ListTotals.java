package dev.brickwork.runtime.records;

import dev.brickwork.runtime.records.query.CountQueries;
import dev.brickwork.runtime.records.query.SqlQuery;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@code total} of {@code count=true} (docs/spec.md §4, decision 0028): exact up to
 * {@code brickwork.lists.exact-count-limit} matches, the planner's estimate past them (marked {@code totalEstimated}),
 * so counting a list costs at most that many rows, whatever the table holds.
 */
@ApplicationScoped
public class ListTotals {

    @Inject
    Pool pool;

    @ConfigProperty(name = "brickwork.lists.exact-count-limit", defaultValue = "10000")
    long exactLimit;

    public Uni<CountQueries.Total> of(CountQueries count) {
        return execute(count.upTo(exactLimit)).map(rows -> rows.iterator().next().getLong(0)).chain(capped -> capped <= exactLimit
                ? Uni.createFrom().item(CountQueries.total(capped, exactLimit, capped))
                : execute(count.estimate()).map(rows -> CountQueries.total(capped, exactLimit,
                        CountQueries.estimatedRows(String.valueOf(rows.iterator().next().getValue(0))))));
    }

    private Uni<RowSet<Row>> execute(SqlQuery query) {
        return CustomPlans.execute(pool, query);
    }
}
