package dev.brickwork.runtime.records.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.brickwork.platform.http.JsonBodies;

import java.util.List;

/**
 * The statements behind {@code count=true} (decision 0028): the records the list's predicates match, counted exactly
 * up to a limit, and what the planner estimates for the same predicates past it. A count(*) of every match reads every
 * matching row; these read at most {@code limit + 1} of them, and the estimate none.
 *
 * @param from   {@code FROM <table> r WHERE <the page's predicates>}, without keyset or order
 * @param params its bind values
 */
public record CountQueries(String from, List<Object> params) {

    public CountQueries {
        params = List.copyOf(params);
    }

    /** {@code count(*)} of at most {@code limit + 1} matches: a result above {@code limit} means "more than limit". */
    public SqlQuery upTo(long limit) {
        return new SqlQuery("SELECT count(*) FROM (SELECT 1" + from + " LIMIT " + (limit + 1) + ") matches", params);
    }

    /** The planner's plan of the same predicates, as JSON; {@link #estimatedRows} reads its row estimate. */
    public SqlQuery estimate() {
        return new SqlQuery("EXPLAIN (FORMAT JSON) SELECT 1" + from, params);
    }

    /** The top node's {@code Plan Rows} of an {@link #estimate()}'s answer. */
    public static long estimatedRows(String explainJson) {
        JsonNode rows;
        try {
            rows = JsonBodies.mapper().readTree(explainJson).path(0).path("Plan").path("Plan Rows");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("EXPLAIN (FORMAT JSON) answered something else than JSON", e);
        }
        if (!rows.isNumber()) {
            throw new IllegalStateException("EXPLAIN (FORMAT JSON) answered without Plan Rows");
        }
        return Math.round(rows.asDouble());
    }

    /**
     * The total a list shows: exact when the capped count stayed within the limit, else the estimate, never less than
     * {@code limit + 1} (the capped count proved that many).
     */
    public static Total total(long capped, long limit, long estimate) {
        return capped <= limit ? new Total(capped, false) : new Total(Math.max(limit + 1, estimate), true);
    }

    /** @param estimated the planner's estimate, shown as "about" */
    public record Total(long value, boolean estimated) {
    }
}
