import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The records benchmark: records created per second and keyset pages per second through Brickwork's HTTP API,
 * each against the same work done with plain JDBC on the same PostgreSQL database (same table, same rows, same
 * indexes). Started by {@code bench/records.sh}, which starts the server against a fresh database; run as a
 * Java 17 single-file program with the PostgreSQL driver on the class path.
 *
 * <p>Configuration by environment: BENCH_URL (server base URL), BENCH_JDBC_URL, BENCH_DB_USER,
 * BENCH_DB_PASSWORD, BENCH_ADMIN_PASSWORD, BENCH_ROWS [1000000], BENCH_SECONDS [20], BENCH_CLIENTS [8],
 * BENCH_WARMUP [45] (seconds of uncounted mixed work first), BENCH_ROUNDS [2] (API and raw take turns; BENCH_SECONDS
 * is split between the rounds), BENCH_PAGES [5] (pages per keyset walk: the first page, then nextCursor),
 * BENCH_SERVER_PID (optional: CPU accounting of the server process per phase).
 *
 * <p>Phase C lists the same keyset pages as a user whose role reads with scope {@code department} and as the admin:
 * the loaded rows are owned by ten users in five departments, so a department sees about a fifth of them.
 */
public class RecordsBenchmark {

    static final String APP = "bench";
    static final String FORM = "deal";
    static final String TABLE = "app_bench.deal";
    static final String[] STAGES = {"open", "open", "won", "lost"};
    static final String[] REGIONS = {"north", "south", "east", "west"};
    static final String FILTER_STAGE = "won";
    static final int PAGE = 20;
    static final int VALUE_SETS = 4096;

    static String baseUrl;
    static String token;
    static String jdbcUrl;
    static String dbUser;
    static String dbPassword;
    static int rows;
    static int seconds;
    static int clients;
    static int warmup;
    static int pagesPerWalk;
    static long serverPid;
    static UUID adminId;
    static Deal[] deals;
    /** Phase C: the ten users who own the rows, department by department (two each: 2d and 2d + 1). */
    static final int DEPARTMENTS = 5;
    static final int USERS_PER_DEPARTMENT = 2;
    static final String READER_ROLE = "bench_reader";
    static UUID[] departmentIds;
    static UUID[] ownerIds;
    static String[] ownerNames;
    static String[] ownerPasswords;

    public static void main(String[] args) throws Exception {
        baseUrl = env("BENCH_URL", "http://127.0.0.1:18090");
        jdbcUrl = env("BENCH_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/brickwork_bench");
        dbUser = env("BENCH_DB_USER", "postgres");
        dbPassword = env("BENCH_DB_PASSWORD", "");
        String adminPassword = required("BENCH_ADMIN_PASSWORD");
        rows = Integer.parseInt(env("BENCH_ROWS", "1000000"));
        seconds = Integer.parseInt(env("BENCH_SECONDS", "20"));
        clients = Integer.parseInt(env("BENCH_CLIENTS", "8"));
        warmup = Integer.parseInt(env("BENCH_WARMUP", "45"));
        pagesPerWalk = Integer.parseInt(env("BENCH_PAGES", "5"));
        serverPid = Long.parseLong(env("BENCH_SERVER_PID", "0"));

        System.out.printf(Locale.ROOT, "rows %,d  clients %d  %d s per side and phase after %d s warm-up  %d cores shared by"
                        + " server, PostgreSQL and this client%n", rows, clients, seconds, warmup,
                Runtime.getRuntime().availableProcessors());

        token = login("admin", adminPassword);
        design();
        people();
        try (Connection c = connect()) {
            adminId = adminId(c);
            load(c);
            indexes(c);
        }
        deals = new Deal[VALUE_SETS];
        Random random = new Random(42);
        for (int i = 0; i < VALUE_SETS; i++) {
            deals[i] = Deal.random(random, i);
        }

        warmUp();

        System.out.println();
        System.out.println("== Phase A: create records (single row each, autocommit on the raw side)");
        Tally[] create = compare("API  POST records", ApiCreate::new, "raw  INSERT", RawInsert::new);

        long rowsBeforePages;
        handOver();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("VACUUM (ANALYZE) " + TABLE);
            try (ResultSet r = s.executeQuery("SELECT count(*), count(*) FILTER (WHERE stage = '" + FILTER_STAGE + "') FROM "
                    + TABLE)) {
                r.next();
                rowsBeforePages = r.getLong(1);
                System.out.printf(Locale.ROOT, "%s now holds %,d rows, %,d with stage = '%s'%n", TABLE, r.getLong(1),
                        r.getLong(2), FILTER_STAGE);
            }
        }
        checkPagesAgree();

        System.out.println();
        System.out.println("== Phase B: keyset pages of " + PAGE + " newest with stage = '" + FILTER_STAGE + "' (walks of "
                + pagesPerWalk + " pages: first page, then the next cursor)");
        Tally[] pages = compare("API  GET records", thread -> new ApiPages(), "raw  SELECT", thread -> new RawPages());

        System.out.println();
        System.out.println("== Phase C: the same keyset pages as user " + ownerNames[0] + " (role " + READER_ROLE
                + ": read scope department, " + USERS_PER_DEPARTMENT + " users in the department) and as the admin");
        String userToken = login(ownerNames[0], ownerPasswords[0]);
        checkDepartmentScope(userToken);
        int scopedWarmUp = Math.max(3, warmup / 3);
        System.out.println("warming up both sides (user, admin) for " + scopedWarmUp + " s each, not counted");
        Tally[] scoped = compare("user  GET records", thread -> new ApiPages(userToken), "admin GET records",
                thread -> new ApiPages(token), scopedWarmUp);

        System.out.println();
        System.out.printf(Locale.ROOT, "%d clients, %d s per side and phase, %,d rows loaded (%,d before phase B); %d cores"
                        + " shared by the server, PostgreSQL and the benchmark client%n", clients, seconds, rows, rowsBeforePages,
                Runtime.getRuntime().availableProcessors());
        summary("records created/s", "API", create[0], "raw", create[1], 50);
        summary("keyset pages/s", "API", pages[0], "raw", pages[1], 60);
        summary("department-scope pages/s", "user", scoped[0], "admin", scoped[1], 80);
        long errors = create[0].errors + create[1].errors + pages[0].errors + pages[1].errors + scoped[0].errors
                + scoped[1].errors;
        if (errors > 0) {
            System.out.println("ERRORS: " + errors + " failed requests or statements (see above)");
            System.exit(2);
        }
    }

    // ---------------------------------------------------------------- setup

    static String login(String username, String password) throws Exception {
        HttpResponse<String> response = send(HttpClient.newHttpClient(), HttpRequest.newBuilder(uri("/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\": " + json(username) + ", \"password\": "
                        + json(password) + "}"))
                .build(), 200, "login as " + username);
        Matcher m = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        if (!m.find()) {
            throw new IllegalStateException("login answered without a token: " + response.body());
        }
        return m.group(1);
    }

    static void design() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        send(http, authed("/api/v1/design/apps").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"key\": \"" + APP + "\", \"label\": \"Bench\"}")).build(), 201,
                "create app");
        String definition = """
                {"schemaVersion": 1, "key": "deal", "label": "Deal", "titleField": "title",
                 "fields": [
                  {"key": "title", "type": "text", "required": true, "maxLength": 200},
                  {"key": "customer_name", "type": "text", "maxLength": 200},
                  {"key": "email", "type": "email"},
                  {"key": "phone", "type": "phone"},
                  {"key": "stage", "type": "select", "index": true, "options": [
                    {"value": "open", "label": "Open"}, {"value": "won", "label": "Won"}, {"value": "lost", "label": "Lost"}]},
                  {"key": "amount", "type": "money", "currency": "CNY", "min": 0, "index": true},
                  {"key": "probability", "type": "percent"},
                  {"key": "close_date", "type": "date"},
                  {"key": "owner_note", "type": "textarea"},
                  {"key": "region", "type": "select", "options": [
                    {"value": "north", "label": "North"}, {"value": "south", "label": "South"},
                    {"value": "east", "label": "East"}, {"value": "west", "label": "West"}]},
                  {"key": "priority", "type": "number", "integer": true, "min": 1, "max": 5},
                  {"key": "active", "type": "boolean"}]}
                """;
        HttpResponse<String> draft = send(http, authed("/api/v1/design/apps/" + APP + "/forms/" + FORM + "/draft")
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(definition)).build(), 200,
                "save draft");
        if (!draft.body().replace(" ", "").contains("\"problems\":[]")) {
            throw new IllegalStateException("the draft has problems: " + draft.body());
        }
        HttpResponse<String> publish = send(http, authed("/api/v1/design/apps/" + APP + "/forms/" + FORM + "/publish")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), 200, "publish");
        System.out.println("published form " + APP + "/" + FORM + " (12 fields): "
                + publish.body().substring(0, Math.min(120, publish.body().length())) + " ...");
    }

    /**
     * Through the admin API: the role {@code bench_reader} (read bench/deal with scope department), five departments
     * and two users with that role in each. They own the loaded rows, so each department sees a fifth of them.
     */
    static void people() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        send(http, authed("/api/v1/admin/roles/" + READER_ROLE).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"key\": \"" + READER_ROLE + "\", \"permissions\": [{\"app\": \""
                        + APP + "\", \"form\": \"" + FORM + "\", \"actions\": {\"read\": \"department\"}}]}")).build(), 200,
                "put role " + READER_ROLE);
        departmentIds = new UUID[DEPARTMENTS];
        ownerIds = new UUID[DEPARTMENTS * USERS_PER_DEPARTMENT];
        ownerNames = new String[ownerIds.length];
        ownerPasswords = new String[ownerIds.length];
        for (int d = 0; d < DEPARTMENTS; d++) {
            HttpResponse<String> department = send(http, authed("/api/v1/admin/departments")
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"name\": \"Bench department " + (d + 1) + "\", \"parent\": null}")).build(), 201,
                    "create department");
            departmentIds[d] = firstId(department.body());
            for (int u = 0; u < USERS_PER_DEPARTMENT; u++) {
                int n = d * USERS_PER_DEPARTMENT + u;
                ownerNames[n] = "bench" + (d + 1) + "." + (u + 1);
                ownerPasswords[n] = "bench-" + uuidV7();
                HttpResponse<String> user = send(http, authed("/api/v1/admin/users")
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                                "{\"username\": " + json(ownerNames[n]) + ", \"password\": " + json(ownerPasswords[n])
                                        + ", \"displayName\": \"Bench user " + (d + 1) + "." + (u + 1) + "\", \"department\": \""
                                        + departmentIds[d] + "\", \"roles\": [\"" + READER_ROLE + "\"]}")).build(), 201,
                        "create user");
                ownerIds[n] = firstId(user.body());
            }
        }
        System.out.println("created role " + READER_ROLE + " (read " + APP + "/" + FORM + " with scope department), "
                + DEPARTMENTS + " departments and " + ownerIds.length + " users (" + USERS_PER_DEPARTMENT
                + " per department) through the admin API; they own the rows, evenly");
    }

    static UUID firstId(String body) {
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no id in " + body);
        }
        return UUID.fromString(m.group(1));
    }

    /** The users of department {@code d} (0-based). */
    static Set<UUID> departmentUsers(int d) {
        Set<UUID> users = new java.util.HashSet<>();
        for (int u = 0; u < USERS_PER_DEPARTMENT; u++) {
            users.add(ownerIds[d * USERS_PER_DEPARTMENT + u]);
        }
        return users;
    }

    static UUID adminId(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT id FROM brickwork.users WHERE username = 'admin'")) {
            if (!r.next()) {
                throw new IllegalStateException("no admin user in brickwork.users");
            }
            return r.getObject(1, UUID.class);
        }
    }

    /**
     * Loads the rows with one INSERT ... SELECT. Ids are UUIDv7 like the server's ({@code Ids.newId}): 48 bits of
     * milliseconds, version 7, random bits, so newest first is {@code ORDER BY id DESC} as in the API. The loaded rows
     * are dated in the past, 10 ms apart; rows created during the benchmark are newer. Owner (and creator) of row g is
     * the user {@code (g / 4) % 10}: evenly spread, and independent of the stage ({@code g % 4}), so each department
     * owns a fifth of the rows of every stage.
     */
    static void load(Connection c) throws SQLException {
        long start = System.nanoTime();
        long base = System.currentTimeMillis() - rows * 10L - 60_000L;
        String sql = """
                INSERT INTO app_bench.deal (id, version, owner, created_by, created_at, updated_at, title, customer_name,
                    email, phone, stage, amount, probability, close_date, owner_note, region, priority, active)
                SELECT (lpad(to_hex(t.ms), 12, '0') || '7' || substr(t.h, 1, 3) || '8' || substr(t.h, 4, 15))::uuid,
                    1, t.owner, t.owner, to_timestamp(t.ms / 1000.0), to_timestamp(t.ms / 1000.0),
                    'Deal ' || t.g, 'Customer ' || (t.g % 5000), 'buyer' || (t.g % 5000) || '@example.com',
                    '+86 138 ' || lpad((t.g % 100000000)::text, 8, '0'),
                    (ARRAY['open', 'open', 'won', 'lost'])[(t.g % 4 + 1)::int],
                    round(((t.g * 7919) % 1000000) / 3.0, 2), (t.g * 37) % 101, date '2026-01-01' + (t.g % 730)::int,
                    'Followed up by phone; customer asked for a revised quote ' || t.g,
                    (ARRAY['north', 'south', 'east', 'west'])[((t.g / 4) % 4 + 1)::int], t.g % 5 + 1, t.g % 3 <> 0
                FROM (SELECT g, ?::bigint + g * 10 AS ms, md5(g::text) AS h,
                        (?::uuid[])[((g / 4) % ?::bigint + 1)::int] AS owner
                    FROM generate_series(1::bigint, ?::bigint) g) t
                """;
        try (PreparedStatement insert = c.prepareStatement(sql)) {
            insert.setLong(1, base);
            insert.setArray(2, c.createArrayOf("uuid", ownerIds));
            insert.setLong(3, ownerIds.length);
            insert.setLong(4, rows);
            insert.executeUpdate();
        }
        double loaded = seconds(start);
        long vacuumStart = System.nanoTime();
        try (Statement s = c.createStatement()) {
            s.execute("VACUUM (ANALYZE) " + TABLE);
        }
        System.out.printf(Locale.ROOT, "loaded %,d rows into %s with INSERT ... SELECT in %.1f s; VACUUM ANALYZE %.1f s%n",
                rows, TABLE, loaded, seconds(vacuumStart));
    }

    /**
     * Shows the indexes publishing made, and adds (stage, id DESC) when the planner would sort for the page query:
     * the same database serves both sides, so both get the same indexes.
     */
    static void indexes(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT indexdef FROM pg_indexes WHERE schemaname = 'app_bench'"
                     + " AND tablename = 'deal' ORDER BY indexname")) {
            System.out.println("indexes after publishing:");
            while (r.next()) {
                System.out.println("  " + r.getString(1));
            }
        }
        String plan = explain(c);
        System.out.println("plan of the page query:\n" + plan.indent(2).stripTrailing());
        boolean extra = Boolean.parseBoolean(env("BENCH_STAGE_ID_INDEX", "false"));
        if (plan.contains("Sort") || plan.contains("Seq Scan") || extra) {
            long start = System.nanoTime();
            try (Statement s = c.createStatement()) {
                s.execute("CREATE INDEX bench_deal_stage_id ON " + TABLE + " (stage, id DESC)");
                s.execute("ANALYZE " + TABLE);
            }
            System.out.printf(Locale.ROOT, "ADDED index bench_deal_stage_id ON %s (stage, id DESC) for both sides (%.1f s)%n",
                    TABLE, seconds(start));
            System.out.println("plan of the page query now:\n" + explain(c).indent(2).stripTrailing());
        } else {
            System.out.println("no index added: the page query is served in id order by the indexes publishing made");
        }
    }

    static String explain(Connection c) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (PreparedStatement s = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + RawPages.FIRST)) {
            s.setString(1, FILTER_STAGE);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    plan.append(r.getString(1)).append('\n');
                }
            }
        }
        return plan.toString();
    }

    /** The API's first page and the raw first page must hold the same records, in the same order. */
    static void checkPagesAgree() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> response = send(http, authed(ApiPages.path(null)).GET().build(), 200, "first page");
        List<String> apiIds = new ArrayList<>();
        Matcher m = Pattern.compile("\\{\"id\":\"([0-9a-f-]{36})\"").matcher(response.body());
        while (m.find()) {
            apiIds.add(m.group(1));
        }
        List<String> rawIds = new ArrayList<>();
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(RawPages.FIRST)) {
            s.setString(1, FILTER_STAGE);
            try (ResultSet r = s.executeQuery()) {
                while (r.next() && rawIds.size() < PAGE) {
                    rawIds.add(r.getString("id"));
                }
            }
        }
        if (!apiIds.equals(rawIds)) {
            throw new IllegalStateException("the API's first page differs from the raw SELECT's:\n API " + apiIds + "\n raw "
                    + rawIds + "\n body " + response.body().substring(0, Math.min(2000, response.body().length())));
        }
        if (ApiPages.nextCursor(response.body()) == null) {
            throw new IllegalStateException("the first page has no nextCursor: " + response.body());
        }
        System.out.println("checked: the API's first page and the raw SELECT's hold the same " + apiIds.size()
                + " records in the same order");
    }

    /**
     * Phase A's rows were created by the admin (API and raw alike). They are the newest, so left with the admin a
     * department user's newest-first walk would first step over all of them: they are handed to the ten users in id
     * order, like the loaded rows, before phase B's VACUUM ANALYZE.
     */
    static void handOver() throws SQLException {
        long start = System.nanoTime();
        int changed;
        try (Connection c = connect(); PreparedStatement update = c.prepareStatement("""
                UPDATE app_bench.deal d SET owner = o.owner, created_by = o.owner
                FROM (SELECT id, (?::uuid[])[((row_number() OVER (ORDER BY id) - 1) % ?::bigint + 1)::int] AS owner
                      FROM app_bench.deal WHERE owner = ?) o
                WHERE d.id = o.id""")) {
            update.setArray(1, c.createArrayOf("uuid", ownerIds));
            update.setLong(2, ownerIds.length);
            update.setObject(3, adminId);
            changed = update.executeUpdate();
        }
        System.out.printf(Locale.ROOT, "handed the %,d rows phase A created to the %d users, evenly (%.1f s)%n", changed,
                ownerIds.length, seconds(start));
    }

    /**
     * Phase C's correctness check, once: every record on the department user's pages is owned by one of their
     * department's users, and the user sees about a fifth of what the admin sees ({@code count=true}).
     */
    static void checkDepartmentScope(String userToken) throws Exception {
        Set<UUID> department = departmentUsers(0);
        HttpClient http = HttpClient.newHttpClient();
        Pattern owner = Pattern.compile("\"owner\":\"([0-9a-f-]{36})\"");
        int items = 0;
        int pages = 0;
        Set<UUID> owners = new java.util.HashSet<>();
        String cursor = null;
        do {
            HttpResponse<String> response = send(http, authed(ApiPages.path(cursor), userToken).GET().build(), 200,
                    "department user's page");
            pages++;
            Matcher m = owner.matcher(response.body());
            int onPage = 0;
            while (m.find()) {
                onPage++;
                UUID id = UUID.fromString(m.group(1));
                if (!department.contains(id)) {
                    throw new IllegalStateException("the department user received a record owned by " + id
                            + ", outside their department " + department + ": " + response.body());
                }
                owners.add(id);
            }
            if (onPage != PAGE) {
                throw new IllegalStateException("page " + pages + " of the department user holds " + onPage + " records, not "
                        + PAGE + ": " + response.body().substring(0, Math.min(2000, response.body().length())));
            }
            items += onPage;
            cursor = ApiPages.nextCursor(response.body());
        } while (cursor != null && pages < pagesPerWalk);
        System.out.printf(Locale.ROOT, "checked: all %d records on the department user's first %d pages are owned by"
                + " their department's users (%d of the %d seen)%n", items, pages, owners.size(), department.size());

        String all = "/api/v1/apps/" + APP + "/forms/" + FORM + "/records?limit=1&count=true";
        String won = ApiPages.path(null) + "&count=true";
        long userWon = total(http, won, userToken);
        long adminWon = total(http, won, token);
        long userAll = total(http, all, userToken);
        long adminAll = total(http, all, token);
        System.out.printf(Locale.ROOT, "count=true: the department user sees %,d of the admin's %,d records (%.1f %%),"
                        + " %,d of %,d with stage = '%s' (%.1f %%); expected about %.0f %%%n", userAll, adminAll,
                100.0 * userAll / adminAll, userWon, adminWon, FILTER_STAGE, 100.0 * userWon / adminWon,
                100.0 / DEPARTMENTS);
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) "
                + DEPARTMENT_PAGE)) {
            s.setObject(1, departmentIds[0]);
            s.setString(2, FILTER_STAGE);
            StringBuilder plan = new StringBuilder();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    plan.append(r.getString(1)).append('\n');
                }
            }
            System.out.println("plan of the department user's first page (the shape of the server's query):\n"
                    + plan.toString().indent(2).stripTrailing());
        }
    }

    /** The first page as the server asks for it for a department scope (ListQueries and ScopeSql). */
    static final String DEPARTMENT_PAGE = "SELECT r.* FROM " + TABLE + " r WHERE r.deleted_at IS NULL AND ((r.owner IN"
            + " (SELECT u.id FROM brickwork.users u WHERE u.department_id = ?))) AND r.stage = ? ORDER BY r.id DESC LIMIT "
            + (PAGE + 1);

    static long total(HttpClient http, String path, String bearer) throws Exception {
        HttpResponse<String> response = send(http, authed(path, bearer).GET().build(), 200, "count");
        Matcher m = Pattern.compile("\"total\"\\s*:\\s*(\\d+)").matcher(response.body());
        if (!m.find()) {
            throw new IllegalStateException("count=true answered without a total: " + response.body());
        }
        return Long.parseLong(m.group(1));
    }

    // ---------------------------------------------------------------- values

    /** One set of field values, as JSON for the API and typed for JDBC. */
    record Deal(String title, String customer, String email, String phone, String stage, BigDecimal amount,
                BigDecimal probability, LocalDate closeDate, String note, String region, long priority, boolean active,
                String body) {

        static Deal random(Random random, int i) {
            int customer = random.nextInt(5000);
            String title = "Renewal " + (2026 + random.nextInt(3)) + " for customer " + customer + " #" + i;
            String name = "Customer " + customer + " Trading Co., Ltd.";
            String email = "buyer" + customer + "@example.com";
            String phone = String.format(Locale.ROOT, "+86 138 %04d %04d", random.nextInt(10000), random.nextInt(10000));
            String stage = STAGES[random.nextInt(STAGES.length)];
            BigDecimal amount = BigDecimal.valueOf(random.nextInt(50_000_000), 2);
            BigDecimal probability = BigDecimal.valueOf(random.nextInt(101));
            LocalDate close = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(730));
            String note = "Followed up by phone; customer asked for a revised quote with " + (1 + random.nextInt(20))
                    + " seats";
            String region = REGIONS[random.nextInt(REGIONS.length)];
            long priority = 1 + random.nextInt(5);
            boolean active = random.nextBoolean();
            String body = "{\"fields\": {\"title\": " + json(title) + ", \"customer_name\": " + json(name)
                    + ", \"email\": " + json(email) + ", \"phone\": " + json(phone) + ", \"stage\": " + json(stage)
                    + ", \"amount\": \"" + amount.toPlainString() + "\", \"probability\": " + probability.toPlainString()
                    + ", \"close_date\": \"" + close + "\", \"owner_note\": " + json(note) + ", \"region\": " + json(region)
                    + ", \"priority\": " + priority + ", \"active\": " + active + "}}";
            return new Deal(title, name, email, phone, stage, amount, probability, close, note, region, priority, active, body);
        }
    }

    // ---------------------------------------------------------------- workers

    /** One client thread's work; {@link #call()} does one operation and returns false on a failure it reported. */
    interface Worker extends AutoCloseable {
        boolean call() throws Exception;

        @Override
        default void close() throws SQLException {
        }
    }

    interface WorkerFactory {
        Worker create(int thread) throws Exception;
    }

    static final class ApiCreate implements Worker {
        final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        final int thread;
        int i;

        ApiCreate(int thread) {
            this.thread = thread;
        }

        @Override
        public boolean call() throws Exception {
            Deal deal = deals[(thread * 613 + i++) % VALUE_SETS];
            HttpRequest request = authed("/api/v1/apps/" + APP + "/forms/" + FORM + "/records")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(deal.body())).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return expect(response, 201, "POST record");
        }
    }

    static final class RawInsert implements Worker {
        static final String SQL = "INSERT INTO " + TABLE + " (id, owner, created_by, title, customer_name, email, phone,"
                + " stage, amount, probability, close_date, owner_note, region, priority, active)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        final Connection connection;
        final PreparedStatement insert;
        final int thread;
        int i;

        RawInsert(int thread) throws SQLException {
            this.thread = thread;
            connection = connect();
            insert = connection.prepareStatement(SQL);
        }

        @Override
        public boolean call() throws SQLException {
            Deal deal = deals[(thread * 613 + i++) % VALUE_SETS];
            insert.setObject(1, uuidV7());
            insert.setObject(2, adminId);
            insert.setObject(3, adminId);
            insert.setString(4, deal.title());
            insert.setString(5, deal.customer());
            insert.setString(6, deal.email());
            insert.setString(7, deal.phone());
            insert.setString(8, deal.stage());
            insert.setBigDecimal(9, deal.amount());
            insert.setBigDecimal(10, deal.probability());
            insert.setObject(11, deal.closeDate());
            insert.setString(12, deal.note());
            insert.setString(13, deal.region());
            insert.setLong(14, deal.priority());
            insert.setBoolean(15, deal.active());
            return insert.executeUpdate() == 1;
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }

    static final class ApiPages implements Worker {
        static final Pattern NEXT = Pattern.compile("\"nextCursor\":\"([^\"]+)\"");
        static final String FILTER = URLEncoder.encode("{\"field\":\"stage\",\"op\":\"eq\",\"value\":\"" + FILTER_STAGE + "\"}",
                StandardCharsets.UTF_8);
        final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        final String bearer;
        String cursor;
        int page;

        ApiPages() {
            this(token);
        }

        ApiPages(String bearer) {
            this.bearer = bearer;
        }

        static String path(String cursor) {
            return "/api/v1/apps/" + APP + "/forms/" + FORM + "/records?limit=" + PAGE + "&filter=" + FILTER
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        }

        static String nextCursor(String body) {
            Matcher m = NEXT.matcher(body);
            return m.find() ? m.group(1) : null;
        }

        @Override
        public boolean call() throws Exception {
            HttpResponse<String> response = http.send(authed(path(cursor), bearer).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (!expect(response, 200, "GET records")) {
                cursor = null;
                page = 0;
                return false;
            }
            cursor = ++page < pagesPerWalk ? nextCursor(response.body()) : null;
            if (cursor == null) {
                page = 0;
            }
            return true;
        }
    }

    static final class RawPages implements Worker {
        static final String FIRST = "SELECT * FROM " + TABLE + " WHERE deleted_at IS NULL AND stage = ? ORDER BY id DESC LIMIT "
                + (PAGE + 1);
        static final String NEXT = "SELECT * FROM " + TABLE + " WHERE deleted_at IS NULL AND stage = ? AND id < ?"
                + " ORDER BY id DESC LIMIT " + (PAGE + 1);
        final Connection connection;
        final PreparedStatement first;
        final PreparedStatement next;
        UUID cursor;
        int page;

        RawPages() throws SQLException {
            connection = connect();
            first = connection.prepareStatement(FIRST);
            next = connection.prepareStatement(NEXT);
        }

        @Override
        public boolean call() throws SQLException {
            PreparedStatement query = cursor == null ? first : next;
            query.setString(1, FILTER_STAGE);
            if (cursor != null) {
                query.setObject(2, cursor);
            }
            int count = 0;
            UUID last = null;
            try (ResultSet r = query.executeQuery()) {
                int columns = r.getMetaData().getColumnCount();
                while (r.next()) {
                    if (++count <= PAGE) {
                        for (int i = 1; i <= columns; i++) {
                            r.getObject(i);
                        }
                        last = r.getObject("id", UUID.class);
                    }
                }
            }
            cursor = count > PAGE && ++page < pagesPerWalk ? last : null;
            if (cursor == null) {
                page = 0;
            }
            return count > 0;
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }

    // ---------------------------------------------------------------- running a phase

    /** What one side (API or raw) did over all its rounds. */
    static final class Tally {
        final String name;
        long ok;
        long errors;
        double seconds;
        Cpu cpu = Cpu.ZERO;

        Tally(String name) {
            this.name = name;
        }

        double perSecond() {
            return seconds == 0 ? 0 : ok / seconds;
        }
    }

    /**
     * Runs the API side and the raw side in alternating rounds (API, raw, API, raw ...), so that whatever else the
     * machine does at the time weighs on both alike. Each side is warmed up once before its first round.
     */
    static Tally[] compare(String apiName, WorkerFactory api, String rawName, WorkerFactory raw) throws Exception {
        return compare(apiName, api, rawName, raw, 0);
    }

    /** As above, after {@code warm} uncounted seconds of each side (first one, then the other). */
    static Tally[] compare(String apiName, WorkerFactory api, String rawName, WorkerFactory raw, int warm) throws Exception {
        List<Worker> apiWorkers = workers(api);
        List<Worker> rawWorkers = workers(raw);
        Tally apiTally = new Tally(apiName);
        Tally rawTally = new Tally(rawName);
        if (warm > 0) {
            run(new Tally(apiName), apiWorkers, warm, 0, 0, 0, false);
            run(new Tally(rawName), rawWorkers, warm, 0, 0, 0, false);
        }
        int rounds = Math.max(1, Math.min(rounds(), seconds));
        for (int round = 1; round <= rounds; round++) {
            int length = seconds / rounds + (round <= seconds % rounds ? 1 : 0);
            int lead = round == 1 ? 3 : 1;
            run(apiTally, apiWorkers, lead, length, round, rounds, true);
            run(rawTally, rawWorkers, lead, length, round, rounds, true);
        }
        for (Worker worker : apiWorkers) {
            worker.close();
        }
        for (Worker worker : rawWorkers) {
            worker.close();
        }
        for (Tally tally : new Tally[] {apiTally, rawTally}) {
            System.out.printf(Locale.ROOT, "%-18s %8.0f /s  (%,d in %.0f s, %d errors)  CPU cores: %s%n", tally.name,
                    tally.perSecond(), tally.ok, tally.seconds, tally.errors, tally.cpu.describe(tally.seconds));
        }
        return new Tally[] {apiTally, rawTally};
    }

    /**
     * Before anything is counted, {@code BENCH_WARMUP} seconds of all four kinds of work at once (API create, API
     * pages, raw INSERT, raw SELECT; the clients split between them): on two shared cores the server's JIT takes tens
     * of seconds to compile the request paths, and a cold server would be measured instead of the API.
     */
    static void warmUp() throws Exception {
        if (warmup <= 0) {
            return;
        }
        long start = System.nanoTime();
        List<Worker> workers = new ArrayList<>();
        for (int t = 0; t < Math.max(4, clients); t++) {
            workers.add(switch (t % 4) {
                case 0 -> new ApiCreate(t);
                case 1 -> new ApiPages();
                case 2 -> new RawInsert(t);
                default -> new RawPages();
            });
        }
        Tally tally = new Tally("warm-up");
        run(tally, workers, warmup, 0, 0, 0, false);
        for (Worker worker : workers) {
            worker.close();
        }
        System.out.printf(Locale.ROOT, "warmed up for %.0f s: API create, API pages, raw INSERT and raw SELECT at once,"
                + " not counted%n", seconds(start));
    }

    static int rounds() {
        return Integer.parseInt(env("BENCH_ROUNDS", "2"));
    }

    static List<Worker> workers(WorkerFactory factory) throws Exception {
        List<Worker> workers = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            workers.add(factory.create(t));
        }
        return workers;
    }

    /** One round of one side: every worker on its own thread, {@code lead} seconds uncounted, then {@code length} counted. */
    static void run(Tally tally, List<Worker> workers, int lead, int length, int round, int rounds, boolean print)
            throws Exception {
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(workers.size());
        long begin = System.nanoTime() + 100_000_000L;
        long measureFrom = begin + lead * 1_000_000_000L;
        long measureTo = measureFrom + length * 1_000_000_000L;
        for (int t = 0; t < workers.size(); t++) {
            Worker worker = workers.get(t);
            Thread thread = new Thread(() -> {
                try {
                    sleepUntil(begin);
                    long now;
                    do {
                        boolean success;
                        try {
                            success = worker.call();
                        } catch (IOException | SQLException e) {
                            report(tally.name + ": " + e);
                            success = false;
                        }
                        now = System.nanoTime();
                        if (now >= measureFrom && now < measureTo) {
                            (success ? ok : errors).incrementAndGet();
                        }
                    } while (now < measureTo);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            }, tally.name + "-" + t);
            thread.setDaemon(true);
            thread.start();
        }
        sleepUntil(measureFrom);
        Cpu before = Cpu.sample();
        sleepUntil(measureTo);
        Cpu after = Cpu.sample();
        done.await();
        if (failure.get() != null) {
            throw new IllegalStateException(tally.name + " failed", failure.get());
        }
        Cpu used = after.minus(before);
        tally.ok += ok.get();
        tally.errors += errors.get();
        tally.seconds += length;
        tally.cpu = tally.cpu.plus(used);
        if (print) {
            System.out.printf(Locale.ROOT, "  round %d/%d %-18s %8.0f /s  (%d errors)  CPU cores: %s%n", round, rounds,
                    tally.name, ok.get() / (double) length, errors.get(), used.describe(length));
        }
    }

    static void summary(String label, String name, Tally measured, String baseName, Tally base, int target) {
        double ratio = base.perSecond() == 0 ? 0 : 100.0 * measured.perSecond() / base.perSecond();
        System.out.printf(Locale.ROOT, "%-24s  %-4s %6.0f   %-5s %6.0f   ratio %5.1f %%  (target >= %d %%: %s)%n", label,
                name, measured.perSecond(), baseName, base.perSecond(), ratio, target, ratio >= target ? "met" : "NOT met");
    }

    static final AtomicLong REPORTED = new AtomicLong();

    static boolean expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() == status) {
            return true;
        }
        report(what + " answered " + response.statusCode() + ": " + response.body());
        return false;
    }

    static void report(String message) {
        if (REPORTED.incrementAndGet() <= 10) {
            System.out.println("ERROR " + message);
        }
    }

    /**
     * CPU time in clock ticks, from /proc (Linux only; figures that cannot be read print as "?"): the server
     * process, the PostgreSQL backends serving the benchmark database, this client, and the whole machine. "rest" is
     * everything else that ran meanwhile: PostgreSQL's background processes, other databases' backends, other
     * people's builds and tests.
     */
    record Cpu(long server, long postgres, long client, long machine) {
        static final Cpu ZERO = new Cpu(0, 0, 0, 0);
        static final double TICKS = 100;

        static Cpu sample() {
            long server = serverPid > 0 ? ticks(serverPid) : -1;
            long client = ticks(ProcessHandle.current().pid());
            String database = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
            long postgres = 0;
            try (var dirs = Files.list(Path.of("/proc"))) {
                for (Path dir : (Iterable<Path>) dirs::iterator) {
                    String name = dir.getFileName().toString();
                    if (!name.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    try {
                        String title = new String(Files.readAllBytes(dir.resolve("cmdline")), StandardCharsets.UTF_8);
                        if (title.startsWith("postgres:") && title.contains(" " + database + " ")) {
                            postgres += Math.max(0, ticks(Long.parseLong(name)));
                        }
                    } catch (IOException | RuntimeException gone) {
                        // the process ended
                    }
                }
            } catch (IOException e) {
                postgres = -1;
            }
            long machine;
            try {
                String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                machine = Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                        + Long.parseLong(f[7]) + Long.parseLong(f[8]);
            } catch (IOException | RuntimeException e) {
                machine = -1;
            }
            return new Cpu(server, postgres, client, machine);
        }

        static long ticks(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(f[11]) + Long.parseLong(f[12]);
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }

        Cpu minus(Cpu o) {
            return new Cpu(diff(server, o.server), diff(postgres, o.postgres), diff(client, o.client), diff(machine, o.machine));
        }

        Cpu plus(Cpu o) {
            return new Cpu(sum(server, o.server), sum(postgres, o.postgres), sum(client, o.client), sum(machine, o.machine));
        }

        static long diff(long a, long b) {
            return a < 0 || b < 0 ? -1 : a - b;
        }

        static long sum(long a, long b) {
            return a < 0 || b < 0 ? -1 : a + b;
        }

        String describe(double seconds) {
            long rest = machine < 0 || postgres < 0 || client < 0 ? -1
                    : machine - Math.max(0, server) - postgres - client;
            return "server " + cores(server, seconds) + ", postgres " + cores(postgres, seconds) + ", client "
                    + cores(client, seconds) + ", rest " + cores(rest, seconds) + " (machine " + cores(machine, seconds) + ")";
        }

        static String cores(long ticks, double seconds) {
            return ticks < 0 ? "?" : String.format(Locale.ROOT, "%.2f", ticks / TICKS / seconds);
        }
    }

    // ---------------------------------------------------------------- helpers

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, dbUser, dbPassword);
    }

    static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /** The same shape as the server's {@code Ids.newId}. */
    static UUID uuidV7() {
        long high = (System.currentTimeMillis() << 16) | 0x7000L | (RANDOM.nextInt() & 0x0FFFL);
        long low = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    static HttpRequest.Builder authed(String path) {
        return authed(path, token);
    }

    static HttpRequest.Builder authed(String path, String bearer) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + bearer).timeout(Duration.ofSeconds(60));
    }

    static URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    static HttpResponse<String> send(HttpClient http, HttpRequest request, int status, String what) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != status) {
            throw new IllegalStateException(what + ": expected " + status + ", got " + response.statusCode() + ": "
                    + response.body());
        }
        return response;
    }

    static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (ch < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static void sleepUntil(long nanos) throws InterruptedException {
        long wait;
        while ((wait = nanos - System.nanoTime()) > 0) {
            Thread.sleep(Math.max(1, wait / 1_000_000), 0);
        }
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set");
        }
        return value;
    }
}
