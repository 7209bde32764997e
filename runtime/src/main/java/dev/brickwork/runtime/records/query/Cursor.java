package dev.brickwork.runtime.records.query;

import java.util.List;

/**
 * Where the next page starts: the last row's sort values (as text, null for NULL) and id, bound to the query that
 * produced it.
 *
 * @param form  the form key
 * @param query a hash of the normalized sort, filter, q and deleted flag
 */
record Cursor(String form, String query, List<String> values, String id) {

    Cursor {
        values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
    }
}
