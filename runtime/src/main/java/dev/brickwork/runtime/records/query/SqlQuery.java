package dev.brickwork.runtime.records.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A statement for the Vert.x PostgreSQL client: SQL with {@code $1..$n} placeholders and the values to bind
 * ({@code Tuple.from(params)}).
 */
public record SqlQuery(String sql, List<Object> params) {

    public SqlQuery {
        params = Collections.unmodifiableList(new ArrayList<>(params));
    }
}
