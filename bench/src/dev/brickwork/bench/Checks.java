package dev.brickwork.bench;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The correctness checks made once before phases B and C, so that like is compared with like. */
final class Checks {

    /** The first page as the server asks for it for a department scope (ListQueries and ScopeSql). */
    static final String DEPARTMENT_PAGE = "SELECT r.* FROM " + Form.TABLE + " r WHERE r.deleted_at IS NULL AND ((r.owner IN"
            + " (SELECT u.id FROM brickwork.users u WHERE u.department_id = ?))) AND r.stage = ? ORDER BY r.id DESC LIMIT "
            + (Form.PAGE + 1);

    private final Api api;
    private final Database db;
    private final People people;
    private final int pagesPerWalk;

    Checks(Api api, Database db, People people, int pagesPerWalk) {
        this.api = api;
        this.db = db;
        this.people = people;
        this.pagesPerWalk = pagesPerWalk;
    }

    /** The API's first page and the raw first page must hold the same records, in the same order. */
    void pagesAgree() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> response = Api.send(http, api.authed(ApiPages.path(null)).GET().build(), 200, "first page");
        List<String> apiIds = new ArrayList<>();
        Matcher m = Pattern.compile("\\{\"id\":\"([0-9a-f-]{36})\"").matcher(response.body());
        while (m.find()) {
            apiIds.add(m.group(1));
        }
        List<String> rawIds = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(RawPages.FIRST)) {
            s.setString(1, Form.FILTER_STAGE);
            try (ResultSet r = s.executeQuery()) {
                while (r.next() && rawIds.size() < Form.PAGE) {
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
     * Phase C's correctness check, once: every record on the department user's pages is owned by one of their
     * department's users, and the user sees about a fifth of what the admin sees ({@code count=true}).
     */
    void departmentScope(String userToken) throws Exception {
        Set<UUID> department = people.departmentUsers(0);
        HttpClient http = HttpClient.newHttpClient();
        Pattern owner = Pattern.compile("\"owner\":\"([0-9a-f-]{36})\"");
        int items = 0;
        int pages = 0;
        Set<UUID> owners = new HashSet<>();
        String cursor = null;
        do {
            HttpResponse<String> response = Api.send(http, api.authed(ApiPages.path(cursor), userToken).GET().build(), 200,
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
            if (onPage != Form.PAGE) {
                throw new IllegalStateException("page " + pages + " of the department user holds " + onPage + " records, not "
                        + Form.PAGE + ": " + response.body().substring(0, Math.min(2000, response.body().length())));
            }
            items += onPage;
            cursor = ApiPages.nextCursor(response.body());
        } while (cursor != null && pages < pagesPerWalk);
        System.out.printf(Locale.ROOT, "checked: all %d records on the department user's first %d pages are owned by"
                + " their department's users (%d of the %d seen)%n", items, pages, owners.size(), department.size());

        String all = Form.RECORDS + "?limit=1&count=true";
        String won = ApiPages.path(null) + "&count=true";
        String admin = api.adminToken();
        long userWon = api.total(http, won, userToken);
        long adminWon = api.total(http, won, admin);
        long userAll = api.total(http, all, userToken);
        long adminAll = api.total(http, all, admin);
        System.out.printf(Locale.ROOT, "count=true: the department user sees %,d of the admin's %,d records (%.1f %%),"
                        + " %,d of %,d with stage = '%s' (%.1f %%); expected about %.0f %%%n", userAll, adminAll,
                100.0 * userAll / adminAll, userWon, adminWon, Form.FILTER_STAGE, 100.0 * userWon / adminWon,
                100.0 / People.DEPARTMENTS);
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) "
                + DEPARTMENT_PAGE)) {
            s.setObject(1, people.departmentIds[0]);
            s.setString(2, Form.FILTER_STAGE);
            System.out.println("plan of the department user's first page (the shape of the server's query):\n"
                    + BulkLoad.plan(s).indent(2).stripTrailing());
        }
    }
}
