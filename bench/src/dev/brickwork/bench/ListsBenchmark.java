package dev.brickwork.bench;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

/**
 * The lists benchmark: how long the list interactions of a staff screen take at {@code BENCH_ROWS} records, each
 * through the records API and as the same SQL by hand over JDBC, one request at a time. Started by
 * {@code bench/lists.sh}; reads what {@link Config} reads, and BENCH_REQUESTS [200] per side and interaction,
 * BENCH_WARMUP_REQUESTS [50] rounds over every interaction first, not counted, BENCH_CASE_SECONDS [30] (a side stops
 * after this long once it has 20 samples) and BENCH_EXACT_COUNT_LIMIT [10000] (the server's
 * {@code brickwork.lists.exact-count-limit}). Target per interaction: median under 50 ms, 95th percentile under 100.
 */
public final class ListsBenchmark {

    private static final double MEDIAN_TARGET = 50;
    private static final double P95_TARGET = 100;
    private static final int DEEP_PAGE = 50;

    private ListsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Config config = Config.fromEnvironment();
        int requests = Integer.parseInt(Config.env("BENCH_REQUESTS", "200"));
        int warmup = Integer.parseInt(Config.env("BENCH_WARMUP_REQUESTS", "50"));
        int caseSeconds = Integer.parseInt(Config.env("BENCH_CASE_SECONDS", "30"));
        long exactLimit = Long.parseLong(Config.env("BENCH_EXACT_COUNT_LIMIT", "10000"));
        System.out.printf(Locale.ROOT, "rows %,d  %d requests per side and interaction, one at a time, after %d uncounted"
                + " rounds  %d cores shared by server, PostgreSQL and this client%n", config.rows, requests, warmup, config.cores());

        Api api = new Api(config.baseUrl);
        api.loginAsAdmin(config.adminPassword);
        ListsForm.publish(api);
        // prepareThreshold=0: every statement planned for its values, as the server's (no prepared-statement cache)
        Database db = new Database(config.jdbcUrl + "?prepareThreshold=0", config.dbUser, config.dbPassword);
        try (Connection c = db.connect()) {
            ListsForm.load(c, config.rows, BulkLoad.adminId(c));
            printIndexes(c);
        }

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<ListCase> cases = new ArrayList<>(ListCases.of(exactLimit));
        try (Connection c = db.connect()) {
            cases.addAll(deepPages(api, http, c));
            ListCases.plans(c, cases);
            System.out.printf(Locale.ROOT, "for comparison, count(*) of every live record by hand (what count=true ran"
                    + " before): median %.1f ms of 5%n", fullCount(c).median());
        }

        System.out.println();
        System.out.println("warming up: " + warmup + " rounds over every interaction, API and raw, not counted");
        try (Connection c = db.connect()) {
            for (int i = 0; i < warmup; i++) {
                for (ListCase item : cases) {
                    apiCall(api, http, item);
                    rawCall(c, item);
                }
            }
            System.out.println();
            List<String> summary = new ArrayList<>();
            for (ListCase item : cases) {
                checkSame(api, http, c, item);
                Latencies viaApi = Latencies.time(requests, caseSeconds, () -> apiCall(api, http, item));
                Latencies raw = Latencies.time(requests, caseSeconds, () -> rawCall(c, item));
                String line = line(item.name(), viaApi, raw);
                System.out.println("  " + line);
                summary.add(line);
            }
            System.out.println();
            System.out.printf(Locale.ROOT, "%,d rows; one request at a time; %d cores shared by the server, PostgreSQL and"
                    + " this client; target median < %.0f ms and p95 < %.0f ms (API)%n", config.rows, config.cores(),
                    MEDIAN_TARGET, P95_TARGET);
            summary.forEach(System.out::println);
        }
    }

    private static String line(String name, Latencies api, Latencies raw) {
        boolean met = api.median() < MEDIAN_TARGET && api.p95() < P95_TARGET;
        return String.format(Locale.ROOT, "list %-34s API %6.1f / %6.1f ms  raw %6.1f / %6.1f ms  ratio %5.1fx  (n %d/%d;"
                        + " target: %s)", name, api.median(), api.p95(), raw.median(), raw.p95(), api.median() / raw.median(),
                api.count(), raw.count(), met ? "met" : "NOT met");
    }

    /** Page 50 newest first and by amount both ways: the cursor from walking the API, the row by hand. */
    private static List<ListCase> deepPages(Api api, HttpClient http, Connection c) throws Exception {
        int skipped = (DEEP_PAGE - 1) * ListCase.PAGE;
        List<ListCase> deep = new ArrayList<>();
        ListCase newest = ListCase.sorted("page 50, newest first", null, "r.id DESC NULLS FIRST");
        Object[] row = anchor(c, "id", "r.id DESC NULLS FIRST", skipped);
        deep.add(newest.after("page 50, newest first", walk(api, http, newest.path()), "r.id < ?", List.of(row[0])));
        ListCase down = ListCase.sorted("page 50, -amount", "-amount", "r.amount DESC NULLS FIRST, r.id DESC NULLS FIRST");
        row = anchor(c, "amount, id", "r.amount DESC NULLS FIRST, r.id DESC NULLS FIRST", skipped);
        deep.add(down.after("page 50, -amount", walk(api, http, down.path()), "(r.amount, r.id) < (?, ?)",
                List.of(row[0], row[1])));
        ListCase up = ListCase.sorted("page 50, amount", "amount", "r.amount ASC NULLS LAST, r.id ASC NULLS LAST");
        row = anchor(c, "amount, id", "r.amount ASC NULLS LAST, r.id ASC NULLS LAST", skipped);
        deep.add(up.after("page 50, amount", walk(api, http, up.path()),
                "((r.amount > ? OR r.amount IS NULL) OR (r.amount = ? AND r.id > ?))", List.of(row[0], row[0], row[1])));
        return deep;
    }

    /** The cursor of page {@link #DEEP_PAGE}: following nextCursor from the first page. */
    private static String walk(Api api, HttpClient http, String path) throws Exception {
        String cursor = null;
        for (int page = 1; page < DEEP_PAGE; page++) {
            String at = cursor == null ? path : path + "&cursor=" + java.net.URLEncoder.encode(cursor,
                    java.nio.charset.StandardCharsets.UTF_8);
            cursor = ApiPages.nextCursor(Api.send(http, api.authed(at).GET().build(), 200, "walk " + path).body());
            if (cursor == null) {
                throw new IllegalStateException("fewer than " + DEEP_PAGE + " pages in " + path);
            }
        }
        return cursor;
    }

    /** The sort values of the last row the API's page 49 shows. */
    private static Object[] anchor(Connection c, String columns, String orderBy, int skipped) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT " + columns + " FROM "
                + ListsForm.TABLE + " r WHERE r.deleted_at IS NULL ORDER BY " + orderBy + " OFFSET " + (skipped - 1)
                + " LIMIT 1")) {
            r.next();
            Object[] values = new Object[r.getMetaData().getColumnCount()];
            for (int i = 0; i < values.length; i++) {
                values[i] = r.getObject(i + 1);
            }
            return values;
        }
    }

    private static void apiCall(Api api, HttpClient http, ListCase item) throws Exception {
        HttpResponse<String> response = http.send(api.authed(item.path()).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(item.name() + ": the API answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static void rawCall(Connection c, ListCase item) throws SQLException {
        for (ListCase.Statement statement : item.raw()) {
            read(c, statement, r -> null);
        }
    }

    /** Runs a statement and reads every column of every row; answers what {@code first} makes of the first row. */
    static <T> T read(Connection c, ListCase.Statement statement, Function<ResultSet, T> first) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(statement.sql())) {
            for (int i = 0; i < statement.params().size(); i++) {
                s.setObject(i + 1, statement.params().get(i));
            }
            T answer = null;
            try (ResultSet r = s.executeQuery()) {
                int columns = r.getMetaData().getColumnCount();
                boolean isFirst = true;
                while (r.next()) {
                    for (int i = 1; i <= columns; i++) {
                        r.getObject(i);
                    }
                    if (isFirst) {
                        answer = first.apply(r);
                        isFirst = false;
                    }
                }
            }
            return answer;
        }
    }

    /** The API's first record is the raw page's first row; the API's total says whether it is estimated. */
    private static void checkSame(Api api, HttpClient http, Connection c, ListCase item) throws Exception {
        String body = Api.send(http, api.authed(item.path()).GET().build(), 200, item.name()).body();
        UUID raw = read(c, item.raw().get(0), r -> {
            try {
                return r.getObject("id", UUID.class);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        UUID first = body.contains("\"items\":[]") ? null : Api.firstId(body);
        if (raw == null ? first != null : !raw.equals(first)) {
            throw new IllegalStateException(item.name() + ": the API's first record " + first + " is not the raw page's " + raw);
        }
        int total = body.indexOf("\"total\"");
        if (total >= 0) {
            System.out.println("  " + item.name() + ": " + body.substring(total, Math.min(body.length(), body.indexOf('}', total)))
                    .replace("\"", ""));
        }
    }

    private static Latencies fullCount(Connection c) throws Exception {
        ListCase.Statement count = new ListCase.Statement("SELECT count(*) FROM " + ListsForm.TABLE
                + " r WHERE r.deleted_at IS NULL", List.of());
        return Latencies.time(5, 60, () -> read(c, count, r -> null));
    }

    private static void printIndexes(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT indexdef FROM pg_indexes"
                + " WHERE schemaname = 'app_benchl' AND tablename = 'customer' ORDER BY indexname")) {
            System.out.println("indexes publishing made:");
            while (r.next()) {
                System.out.println("  " + r.getString(1));
            }
        }
    }
}
