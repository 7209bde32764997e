package dev.brickwork.bench;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static dev.brickwork.bench.ListCase.filter;
import static dev.brickwork.bench.ListCase.q;

/**
 * The interactions of a list screen the benchmark times (see bench/README.md): the first page under every sort the
 * web app offers (the default, createdAt, updatedAt, and the fields with {@code index: true}), a filter on an indexed
 * select and on the indexed money field, {@code q} (few matches, many, Chinese, and one or two characters, which
 * the text fields' short_grams serve), and
 * {@code count=true}. {@link ListsBenchmark} adds the pages 50 deep.
 */
final class ListCases {

    /** What {@code q} searches, OR'ed, as TextSearch renders it. */
    private static final String SEARCHED = "(r.name ILIKE ? ESCAPE '\\' OR r.city ILIKE ? ESCAPE '\\' OR r.phone ILIKE ?"
            + " ESCAPE '\\' OR r.email ILIKE ? ESCAPE '\\' OR r.tier ILIKE ? ESCAPE '\\' OR r.stage ILIKE ? ESCAPE '\\'"
            + " OR r.note ILIKE ? ESCAPE '\\')";

    /** What a q of one or two characters searches: the text fields' pieces (TextSearch, decision 0028). */
    private static final String SEARCHED_SHORT = "((brickwork.short_grams(r.name) @> ARRAY[lower(?)]"
            + " OR brickwork.short_grams(r.city) @> ARRAY[lower(?)]) AND (r.name ILIKE ? ESCAPE '\\' OR r.city ILIKE ? ESCAPE '\\'))";

    private ListCases() {
    }

    static List<ListCase> of(long exactLimit) {
        String gold = "{\"field\": \"tier\", \"op\": \"eq\", \"value\": \"gold\"}";
        return List.of(
                ListCase.sorted("first page, newest first", null, "r.id DESC NULLS FIRST"),
                ListCase.sorted("sort createdAt", "createdAt", "r.created_at ASC NULLS LAST, r.id ASC NULLS LAST"),
                ListCase.sorted("sort -updatedAt", "-updatedAt", "r.updated_at DESC NULLS FIRST, r.id DESC NULLS FIRST"),
                ListCase.sorted("sort amount", "amount", "r.amount ASC NULLS LAST, r.id ASC NULLS LAST"),
                ListCase.sorted("sort -amount", "-amount", "r.amount DESC NULLS FIRST, r.id DESC NULLS FIRST"),
                ListCase.sorted("sort tier (select)", "tier", "r.tier ASC NULLS LAST, r.id ASC NULLS LAST"),
                ListCase.sorted("sort -since (date)", "-since", "r.since DESC NULLS FIRST, r.id DESC NULLS FIRST"),
                ListCase.matching("filter tier = gold", filter(gold), "r.tier = ?", List.of("gold")),
                ListCase.matching("filter stage in (lead, churned)",
                        filter("{\"field\": \"stage\", \"op\": \"in\", \"value\": [\"lead\", \"churned\"]}"),
                        "r.stage IN (?, ?)", List.of("lead", "churned")),
                ListCase.matching("filter amount >= 900000",
                        filter("{\"field\": \"amount\", \"op\": \"gte\", \"value\": \"900000\"}"), "r.amount >= ?",
                        List.of(new BigDecimal("900000"))),
                search("q '12345' (few)", "12345"),
                search("q 'trading' (an eighth)", "trading"),
                search("q '星河科' (Chinese, no match)", "星河科"),
                search("q '远航' (2 chars, an eighth)", "远航"),
                search("q 'zq' (2 chars, no match)", "zq"),
                search("q '航' (1 char, an eighth)", "航"),
                ListCase.counted("count, no filter", null, null, List.of(), exactLimit),
                ListCase.counted("count, tier = gold", filter(gold), "r.tier = ?", List.of("gold"), exactLimit),
                ListCase.counted("count, q '12345'", q("12345"), SEARCHED, patterns("12345"), exactLimit));
    }

    private static ListCase search(String name, String text) {
        if (text.codePointCount(0, text.length()) <= 2) {
            return ListCase.matching(name, q(text), SEARCHED_SHORT, List.of(text, text, "%" + text + "%", "%" + text + "%"));
        }
        return ListCase.matching(name, q(text), SEARCHED, patterns(text));
    }

    private static List<Object> patterns(String text) {
        String pattern = "%" + text + "%";
        return List.of(pattern, pattern, pattern, pattern, pattern, pattern, pattern);
    }

    /** Prints the plan of each interaction's page statement (and a count's statements), as run once. */
    static void plans(Connection c, List<ListCase> cases) throws SQLException {
        System.out.println("plans (EXPLAIN ANALYZE of the raw statements, run once):");
        for (ListCase item : cases) {
            System.out.println("-- " + item.name());
            for (ListCase.Statement statement : item.raw()) {
                if (statement.sql().startsWith("EXPLAIN")) {
                    continue;
                }
                ListCase.Statement explain = new ListCase.Statement("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) "
                        + statement.sql(), statement.params());
                try (var s = c.prepareStatement(explain.sql())) {
                    for (int i = 0; i < explain.params().size(); i++) {
                        s.setObject(i + 1, explain.params().get(i));
                    }
                    System.out.print(BulkLoad.plan(s).indent(2));
                }
            }
        }
    }
}
