package dev.brickwork.runtime.records;

import dev.brickwork.runtime.records.query.SqlQuery;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Runs a list's statements planned for their values (decision 0028). The pool keeps prepared statements per
 * connection, and after five runs PostgreSQL may keep one generic plan for a statement: for a list that is a plan
 * made without knowing whether {@code q} matches three rows or half the table, or which select option is rare, and
 * it walks the primary key filtering every row (170 ms instead of 0.5 ms for a rare {@code q} at 50,000 rows). A
 * list is planned anew each time, in a transaction of its own that says so.
 */
final class CustomPlans {

    private CustomPlans() {
    }

    static Uni<RowSet<Row>> execute(Pool pool, SqlQuery query) {
        return pool.withTransaction(connection -> connection.query("SET LOCAL plan_cache_mode = force_custom_plan").execute()
                .chain(() -> connection.preparedQuery(query.sql()).execute(Tuple.from(query.params()))));
    }
}
