package dev.brickwork.runtime.records.query;

import dev.brickwork.designer.migration.SqlNames;
import dev.brickwork.platform.http.ProblemException;
import dev.brickwork.runtime.records.sql.FormTable;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Plans a list call (docs/spec.md §4): validates {@code filter}, {@code sort}, {@code q}, {@code limit} and
 * {@code cursor} against the form and renders the page and count statements.
 */
public final class ListQueries {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    static final String ALIAS = "r";
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,9}");

    private ListQueries() {
    }

    /**
     * The plan of one list call.
     *
     * @param table   the form's current table
     * @param request the query string as sent
     * @param cursors signs and checks cursors
     * @param extra   a restriction of the caller's own (permissions), ANDed with the rest; {@link ScopePredicate#NONE}
     * @throws ProblemException with every problem found: 400 for a malformed filter or an invalid cursor, else 422
     */
    public static ListPlan plan(FormTable table, ListRequest request, CursorCodec cursors, ScopePredicate extra) {
        Complaints complaints = new Complaints();
        Optional<Filter> filter = FilterParser.parse(request, table, complaints);
        List<SortTerm> order = SortParser.parse(request.sort(), table, complaints);
        Optional<TextSearch> search = TextSearch.parse(request.q(), table, complaints);
        int limit = limit(request.limit(), complaints);
        Optional<Cursor> cursor = Optional.empty();
        if (request.cursor() != null && !request.cursor().isEmpty()) {
            cursor = cursors.decode(request.cursor());
            if (cursor.isEmpty()) {
                cursorInvalid(complaints);
            }
        }
        complaints.throwIfAny();

        String form = table.form().definition().key();
        String hash = hash(table, order, filter, search, request.deleted());
        List<Object> after = cursor.map(c -> positionOf(c, form, hash, order)).orElse(null);
        if (cursor.isPresent() && after == null) {
            cursorInvalid(complaints);
            complaints.throwIfAny();
        }

        Params params = new Params();
        List<String> predicates = new ArrayList<>();
        predicates.add(ALIAS + "." + SqlNames.quote("deleted_at") + (request.deleted() ? " IS NOT NULL" : " IS NULL"));
        Optional.ofNullable(extra.sql(ALIAS, params)).ifPresent(sql -> predicates.add("(" + sql + ")"));
        filter.ifPresent(f -> predicates.add(FilterSql.render(f, ALIAS, params)));
        search.ifPresent(s -> predicates.add(s.render(ALIAS, params)));
        String from = " FROM " + table.qualified() + " " + ALIAS + " WHERE " + String.join(" AND ", predicates);
        CountQueries count = request.count() ? new CountQueries(from, params.values()) : null;

        String keyset = after == null ? "" : " AND " + Keyset.after(order, after, ALIAS, params);
        String orderBy = order.stream().map(t -> t.orderBy(ALIAS)).collect(Collectors.joining(", "));
        SqlQuery page = new SqlQuery("SELECT " + table.selectList(ALIAS) + from + keyset + " ORDER BY " + orderBy + " LIMIT " + (limit + 1),
                params.values());
        return new ListPlan(page, count, limit, cursors, form, hash, order);
    }

    private static int limit(String text, Complaints complaints) {
        if (text == null || text.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        int limit = DIGITS.matcher(text).matches() ? Integer.parseInt(text) : 0;
        if (limit < 1 || limit > MAX_LIMIT) {
            complaints.add(QueryProblem.LIMIT_INVALID, "/limit", QueryCodes.LIMIT_INVALID,
                    "Expected a whole number from 1 to " + MAX_LIMIT + ".");
        }
        return limit;
    }

    /** The bound sort values the cursor continues after, or null when it belongs to another query. */
    private static List<Object> positionOf(Cursor cursor, String form, String hash, List<SortTerm> order) {
        if (!cursor.form().equals(form) || !cursor.query().equals(hash) || cursor.values().size() != order.size() - 1) {
            return null;
        }
        List<Object> values = new ArrayList<>();
        int next = 0;
        for (SortTerm term : order) {
            String text = term.field().equals(QueryField.ID) ? cursor.id() : cursor.values().get(next++);
            Optional<Object> value = SortValues.bound(text, term.field().type());
            if (value.isEmpty() || term.field().equals(QueryField.ID) && value.get() == SortValues.NULL) {
                return null;
            }
            values.add(SortValues.orNull(value.get()));
        }
        return values;
    }

    /** Identifies the query a cursor belongs to: the same order over the same records, whatever the page size. */
    private static String hash(FormTable table, List<SortTerm> order, Optional<Filter> filter, Optional<TextSearch> search,
                               boolean deleted) {
        Params filterParams = new Params();
        String filterSql = filter.map(f -> FilterSql.render(f, ALIAS, filterParams)).orElse("");
        String canonical = String.join("\n",
                table.name(),
                order.stream().map(SortTerm::canonical).collect(Collectors.joining(",")),
                filterSql,
                filterParams.values().stream().map(ListQueries::canonical).collect(Collectors.joining("\u0000")),
                search.map(TextSearch::text).orElse(""),
                Boolean.toString(deleted));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    private static String canonical(Object value) {
        String text = value instanceof String[] array ? String.join("\u0001", array) : String.valueOf(value);
        return value.getClass().getSimpleName() + ":" + text;
    }

    private static void cursorInvalid(Complaints complaints) {
        complaints.add(QueryProblem.CURSOR_INVALID, "/cursor", QueryCodes.CURSOR_INVALID,
                "The cursor is not one this list gave out for this query; start again without it.");
    }
}
