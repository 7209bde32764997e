package dev.brickwork.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The lists benchmark's form, a customer list as staff keep one: published through the design API, then loaded with
 * {@code rows} rows by one INSERT ... SELECT and analysed. Tier, stage, amount and since are {@code index: true}, so
 * the list offers to sort by them; name, city, phone, email, tier, stage and note are what {@code q} searches.
 */
final class ListsForm {

    static final String APP = "benchl";
    static final String FORM = "customer";
    static final String TABLE = "app_benchl.customer";
    static final String RECORDS = "/api/v1/apps/" + APP + "/forms/" + FORM + "/records";

    private static final String DEFINITION = """
            {"schemaVersion": 1, "key": "customer", "label": "Customer", "titleField": "name",
             "fields": [
              {"key": "name", "type": "text", "required": true, "maxLength": 200},
              {"key": "city", "type": "text", "maxLength": 100},
              {"key": "phone", "type": "phone"},
              {"key": "email", "type": "email"},
              {"key": "tier", "type": "select", "index": true, "options": [
                {"value": "bronze", "label": "Bronze"}, {"value": "silver", "label": "Silver"},
                {"value": "gold", "label": "Gold"}, {"value": "platinum", "label": "Platinum"}]},
              {"key": "stage", "type": "select", "index": true, "options": [
                {"value": "lead", "label": "Lead"}, {"value": "prospect", "label": "Prospect"},
                {"value": "customer", "label": "Customer"}, {"value": "churned", "label": "Churned"}]},
              {"key": "amount", "type": "money", "currency": "CNY", "min": 0, "index": true},
              {"key": "since", "type": "date", "index": true},
              {"key": "note", "type": "textarea"},
              {"key": "active", "type": "boolean"}]}
            """;

    private ListsForm() {
    }

    /** Creates the app and publishes the form; returns the migration the publish ran, one statement per line. */
    static String publish(Api api) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String form = "/api/v1/design/apps/" + APP + "/forms/" + FORM;
        Api.send(http, api.authed("/api/v1/design/apps").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"key\": \"" + APP + "\", \"label\": \"Lists\"}")).build(), 201,
                "create app");
        Api.send(http, api.authed(form + "/draft").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(DEFINITION)).build(), 200, "save draft");
        HttpResponse<String> published = Api.send(http, api.authed(form + "/publish")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), 200, "publish");
        return published.body();
    }

    /**
     * Loads the rows: UUIDv7-shaped ids in creation order (as {@link BulkLoad} makes them), creation 10 ms apart in the
     * past, updates scattered over the following day. Names are "<brand> <trade> <n>" over 8 brands (half of them
     * Chinese) and 8 trades, so a brand matches an eighth of the rows and a number a few; tiers 50/30/10/10 %.
     * Publishing made the indexes; they are dropped for the load and made again from their own definitions (the
     * same names and columns), which takes a fraction of the time of keeping them up to date row by row.
     */
    static void load(Connection c, int rows, UUID owner) throws Exception {
        List<String> indexes = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT indexname, indexdef FROM pg_indexes"
                + " WHERE schemaname = 'app_benchl' AND tablename = 'customer' AND indexname NOT LIKE '%_pkey'")) {
            while (r.next()) {
                indexes.add(r.getString(2));
                try (Statement drop = c.createStatement()) {
                    drop.execute("DROP INDEX app_benchl.\"" + r.getString(1) + "\"");
                }
            }
        }
        long start = System.nanoTime();
        long base = System.currentTimeMillis() - rows * 10L - 86_400_000L;
        String sql = """
                INSERT INTO app_benchl.customer (id, version, owner, created_by, created_at, updated_at, name, city, phone,
                    email, tier, stage, amount, since, note, active)
                SELECT (lpad(to_hex(t.ms), 12, '0') || '7' || substr(t.h, 1, 3) || '8' || substr(t.h, 4, 15))::uuid,
                    1, ?::uuid, ?::uuid, to_timestamp(t.ms / 1000.0), to_timestamp((t.ms + (t.g * 7919) % 86400000) / 1000.0),
                    (ARRAY['远航', '星河', '金桥', '华东', 'Acme', 'Nova', 'Blue River', 'Golden Gate'])[(t.g % 8 + 1)::int]
                        || ' ' || (ARRAY['贸易', '科技', '物流', '咨询', 'Trading', 'Logistics', 'Foods', 'Systems'])
                        [((t.g / 8) % 8 + 1)::int] || ' ' || t.g,
                    (ARRAY['上海', '北京', '杭州', '深圳', '成都', 'Suzhou', 'Wuhan', 'Xiamen', 'Nanjing', 'Qingdao'])
                        [((t.g / 64) % 10 + 1)::int],
                    '+86 139 ' || lpad(((t.g * 104729) % 100000000)::text, 8, '0'),
                    'buyer' || t.g || '@example.com',
                    (ARRAY['bronze', 'bronze', 'bronze', 'bronze', 'bronze', 'silver', 'silver', 'silver', 'gold', 'platinum'])
                        [(t.g % 10 + 1)::int],
                    (ARRAY['lead', 'prospect', 'customer', 'churned'])[((t.g / 3) % 4 + 1)::int],
                    round(((t.g * 7919) % 10000000) / 10.0, 2), date '2015-01-01' + ((t.g * 31) % 4000)::int,
                    'Met at the trade fair; asked for the price list ' || (t.g % 997), t.g % 3 <> 0
                FROM (SELECT g, ?::bigint + g * 10 AS ms, md5(g::text) AS h FROM generate_series(1::bigint, ?::bigint) g) t
                """;
        try (PreparedStatement insert = c.prepareStatement(sql)) {
            insert.setObject(1, owner);
            insert.setObject(2, owner);
            insert.setLong(3, base);
            insert.setLong(4, rows);
            insert.executeUpdate();
        }
        double loaded = Clock.seconds(start);
        long built = System.nanoTime();
        try (Statement s = c.createStatement()) {
            s.execute("SET maintenance_work_mem = '256MB'");
            for (String index : indexes) {
                s.execute(index);
            }
        }
        double indexing = Clock.seconds(built);
        long analyse = System.nanoTime();
        try (Statement s = c.createStatement()) {
            s.execute("VACUUM (ANALYZE) " + TABLE);
        }
        System.out.printf(Locale.ROOT, "loaded %,d rows into %s with INSERT ... SELECT in %.1f s; its %d indexes made again"
                + " in %.1f s; VACUUM ANALYZE %.1f s%n", rows, TABLE, loaded, indexes.size(), indexing, Clock.seconds(analyse));
    }
}
