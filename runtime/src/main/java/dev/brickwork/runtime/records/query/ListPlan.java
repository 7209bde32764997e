package dev.brickwork.runtime.records.query;

import io.vertx.mutiny.sqlclient.Row;

import java.util.List;
import java.util.Optional;

/**
 * A planned list call: the page query (it fetches {@code limit + 1} rows, so that one row more than the limit
 * means there is a next page), the optional count query, and how to make the cursor of the next page.
 */
public final class ListPlan {

    private final SqlQuery page;
    private final CountQueries count;
    private final int limit;
    private final CursorCodec cursors;
    private final String form;
    private final String queryHash;
    private final List<SortTerm> order;

    ListPlan(SqlQuery page, CountQueries count, int limit, CursorCodec cursors, String form, String queryHash, List<SortTerm> order) {
        this.page = page;
        this.count = count;
        this.limit = limit;
        this.cursors = cursors;
        this.form = form;
        this.queryHash = queryHash;
        this.order = List.copyOf(order);
    }

    /** {@code SELECT r.<every column> ... ORDER BY ... LIMIT limit + 1}; the rows are the form table's columns. */
    public SqlQuery page() {
        return page;
    }

    /** How to count the same records without paging, when {@code count=true} was asked. */
    public Optional<CountQueries> count() {
        return Optional.ofNullable(count);
    }

    /** The page size: the rows to return (the page query fetches one more). */
    public int limit() {
        return limit;
    }

    /** True when the page query returned more rows than the limit: show {@code limit} rows and a next cursor. */
    public boolean hasNextPage(int rowsFetched) {
        return rowsFetched > limit;
    }

    /** The hash of the query the cursors of this plan are bound to. */
    String queryHash() {
        return queryHash;
    }

    /** The {@code nextCursor} that continues after this row (the last row shown, i.e. row {@code limit - 1}). */
    public String nextCursor(Row lastRowOfPage) {
        List<String> values = order.stream().filter(term -> !term.field().equals(QueryField.ID))
                .map(term -> SortValues.text(lastRowOfPage, term.field())).toList();
        String id = lastRowOfPage.getUUID(QueryField.ID.column()).toString();
        return cursors.encode(new Cursor(form, queryHash, values, id));
    }
}
