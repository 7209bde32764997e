package dev.brickwork.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * The table's rows and indexes, through JDBC: the bulk load before the phases, the hand-over of phase A's rows to
 * phase C's people, and the VACUUM ANALYZE between the phases.
 */
final class BulkLoad {

    private final Config config;
    private final Database db;
    private final People people;

    BulkLoad(Config config, Database db, People people) {
        this.config = config;
        this.db = db;
        this.people = people;
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
    void load(Connection c) throws SQLException {
        long start = System.nanoTime();
        int rows = config.rows;
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
            insert.setArray(2, c.createArrayOf("uuid", people.ownerIds));
            insert.setLong(3, people.ownerIds.length);
            insert.setLong(4, rows);
            insert.executeUpdate();
        }
        double loaded = Clock.seconds(start);
        long vacuumStart = System.nanoTime();
        try (Statement s = c.createStatement()) {
            s.execute("VACUUM (ANALYZE) " + Form.TABLE);
        }
        System.out.printf(Locale.ROOT, "loaded %,d rows into %s with INSERT ... SELECT in %.1f s; VACUUM ANALYZE %.1f s%n",
                rows, Form.TABLE, loaded, Clock.seconds(vacuumStart));
    }

    /**
     * Shows the indexes publishing made, and adds (stage, id DESC) when the planner would sort for the page query:
     * the same database serves both sides, so both get the same indexes.
     */
    void indexes(Connection c) throws SQLException {
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
        boolean extra = config.stageIdIndex();
        if (plan.contains("Sort") || plan.contains("Seq Scan") || extra) {
            long start = System.nanoTime();
            try (Statement s = c.createStatement()) {
                s.execute("CREATE INDEX bench_deal_stage_id ON " + Form.TABLE + " (stage, id DESC)");
                s.execute("ANALYZE " + Form.TABLE);
            }
            System.out.printf(Locale.ROOT, "ADDED index bench_deal_stage_id ON %s (stage, id DESC) for both sides (%.1f s)%n",
                    Form.TABLE, Clock.seconds(start));
            System.out.println("plan of the page query now:\n" + explain(c).indent(2).stripTrailing());
        } else {
            System.out.println("no index added: the page query is served in id order by the indexes publishing made");
        }
    }

    private static String explain(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + RawPages.FIRST)) {
            s.setString(1, Form.FILTER_STAGE);
            return plan(s);
        }
    }

    /** The lines of an EXPLAIN, each ending in a newline. */
    static String plan(PreparedStatement explain) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (ResultSet r = explain.executeQuery()) {
            while (r.next()) {
                plan.append(r.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    /**
     * Phase A's rows were created by the admin (API and raw alike). They are the newest, so left with the admin a
     * department user's newest-first walk would first step over all of them: they are handed to the ten users in id
     * order, like the loaded rows, before phase B's VACUUM ANALYZE.
     */
    void handOver(UUID adminId) throws SQLException {
        long start = System.nanoTime();
        int changed;
        try (Connection c = db.connect(); PreparedStatement update = c.prepareStatement("""
                UPDATE app_bench.deal d SET owner = o.owner, created_by = o.owner
                FROM (SELECT id, (?::uuid[])[((row_number() OVER (ORDER BY id) - 1) % ?::bigint + 1)::int] AS owner
                      FROM app_bench.deal WHERE owner = ?) o
                WHERE d.id = o.id""")) {
            update.setArray(1, c.createArrayOf("uuid", people.ownerIds));
            update.setLong(2, people.ownerIds.length);
            update.setObject(3, adminId);
            changed = update.executeUpdate();
        }
        System.out.printf(Locale.ROOT, "handed the %,d rows phase A created to the %d users, evenly (%.1f s)%n", changed,
                people.ownerIds.length, Clock.seconds(start));
    }

    /** VACUUM ANALYZE after phase A; prints and returns how many rows the table holds now. */
    long vacuumAndCount() throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("VACUUM (ANALYZE) " + Form.TABLE);
            try (ResultSet r = s.executeQuery("SELECT count(*), count(*) FILTER (WHERE stage = '" + Form.FILTER_STAGE
                    + "') FROM " + Form.TABLE)) {
                r.next();
                System.out.printf(Locale.ROOT, "%s now holds %,d rows, %,d with stage = '%s'%n", Form.TABLE, r.getLong(1),
                        r.getLong(2), Form.FILTER_STAGE);
                return r.getLong(1);
            }
        }
    }
}
