package dev.brickwork.runtime.records.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brickwork.runtime.records.sql.FormTable;

import java.util.Optional;

/**
 * Filters a published definition carries (a roll-up's {@code filter}, docs/spec.md §2), rendered as SQL by the
 * same parser and renderer as a list query's: the compiler checked them against the form they filter.
 */
public final class StoredFilters {

    private StoredFilters() {
    }

    /**
     * The filter as an SQL condition on {@code alias}'s columns, its values added to {@code params}.
     *
     * @throws IllegalStateException when the filter no longer fits the form (a defect: publishes compile against it)
     */
    public static String render(JsonNode filter, FormTable table, String alias, Params params) {
        Complaints complaints = new Complaints();
        Optional<Filter> parsed = FilterParser.parse(filter, table, complaints);
        if (parsed.isEmpty()) {
            throw new IllegalStateException("A stored filter does not fit the form " + table.form().definition().key());
        }
        return FilterSql.render(parsed.get(), alias, params);
    }
}
