package dev.brickwork.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One list interaction: the request the web app sends, and the SQL the server runs for it, written by hand: the
 * page (and for {@code count=true} the count up to the exact limit, then the planner's estimate).
 *
 * @param path the records API path with its query string
 * @param raw  the statements in the order the server runs them
 */
record ListCase(String name, String path, List<Statement> raw) {

    /** A statement with {@code ?} placeholders and its values. */
    record Statement(String sql, List<Object> params) {
    }

    static final int PAGE = 50;
    static final String SELECT = "SELECT r.* FROM " + ListsForm.TABLE + " r WHERE r.deleted_at IS NULL";
    static final String NEWEST = " ORDER BY r.id DESC NULLS FIRST LIMIT " + (PAGE + 1);

    /** The first page of live records under {@code sort}, by the API and by hand with {@code orderBy}. */
    static ListCase sorted(String name, String sort, String orderBy) {
        return new ListCase(name, ListsForm.RECORDS + "?limit=" + PAGE + (sort == null ? "" : "&sort=" + sort),
                List.of(new Statement(SELECT + " ORDER BY " + orderBy + " LIMIT " + (PAGE + 1), List.of())));
    }

    /** The first page, newest first, of the records a filter (JSON) or q matches; {@code where} is its SQL. */
    static ListCase matching(String name, String query, String where, List<Object> params) {
        return new ListCase(name, ListsForm.RECORDS + "?limit=" + PAGE + "&" + query,
                List.of(new Statement(SELECT + " AND " + where + NEWEST, params)));
    }

    /** {@code count=true} with the first page: the page, the count of at most limit + 1 matches, the estimate. */
    static ListCase counted(String name, String query, String where, List<Object> params, long exactLimit) {
        String from = " FROM " + ListsForm.TABLE + " r WHERE r.deleted_at IS NULL" + (where == null ? "" : " AND " + where);
        return new ListCase(name, ListsForm.RECORDS + "?limit=" + PAGE + "&count=true" + (query == null ? "" : "&" + query),
                List.of(new Statement(SELECT + (where == null ? "" : " AND " + where) + NEWEST, params),
                        new Statement("SELECT count(*) FROM (SELECT 1" + from + " LIMIT " + (exactLimit + 1) + ") matches", params),
                        new Statement("EXPLAIN (FORMAT JSON) SELECT 1" + from, params)));
    }

    static String filter(String json) {
        return "filter=" + URLEncoder.encode(json, StandardCharsets.UTF_8);
    }

    static String q(String text) {
        return "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** The same interaction continuing after a cursor the API gave, and after the same row by hand. */
    ListCase after(String label, String cursor, String keyset, List<Object> anchor) {
        Statement page = raw.get(0);
        int order = page.sql().indexOf(" ORDER BY ");
        String sql = page.sql().substring(0, order) + " AND " + keyset + page.sql().substring(order);
        return new ListCase(label, path + "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8),
                List.of(new Statement(sql, anchor)));
    }
}
