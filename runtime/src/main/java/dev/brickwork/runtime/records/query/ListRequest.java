package dev.brickwork.runtime.records.query;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A list call as the client sent it (docs/spec.md §4), before any validation: the query string of {@code GET …/records}
 * or the body of {@code POST …/records/query}. Null or empty strings mean "not given".
 *
 * @param filter       JSON text (the query string): {@code {"and": [...]}}, {@code {"or": [...]}} or one condition
 *                     {@code {"field", "op", "value"}}
 * @param sort         comma-separated field names, {@code -} for descending, e.g. {@code -amount,title}
 * @param q            case-insensitive substring searched in the form's text-like fields
 * @param limit        the page size, 1..500, default 50
 * @param cursor       the {@code nextCursor} of the previous page
 * @param count        also count every matching record
 * @param deleted      list the recycle bin (deleted records) instead of the live records
 * @param filterObject the same filter already read as JSON (the query body); when given, {@code filter} is null
 */
public record ListRequest(String filter, String sort, String q, String limit, String cursor, boolean count, boolean deleted,
                          JsonNode filterObject) {

    /** A list call from the query string, its filter still text. */
    public ListRequest(String filter, String sort, String q, String limit, String cursor, boolean count, boolean deleted) {
        this(filter, sort, q, limit, cursor, count, deleted, null);
    }

    /** The first page of live records in the default order. */
    public static ListRequest firstPage() {
        return new ListRequest(null, null, null, null, null, false, false);
    }
}
