package dev.brickwork.bench;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phases B and C through the API: keyset walks of {@code pagesPerWalk} pages of records with the filtered stage,
 * newest first, the first page and then {@code nextCursor}, with the given bearer token.
 */
final class ApiPages implements Worker {

    static final Pattern NEXT = Pattern.compile("\"nextCursor\":\"([^\"]+)\"");
    static final String FILTER = URLEncoder.encode("{\"field\":\"stage\",\"op\":\"eq\",\"value\":\"" + Form.FILTER_STAGE
            + "\"}", StandardCharsets.UTF_8);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Api api;
    private final String bearer;
    private final int pagesPerWalk;
    private String cursor;
    private int page;

    ApiPages(Api api, String bearer, int pagesPerWalk) {
        this.api = api;
        this.bearer = bearer;
        this.pagesPerWalk = pagesPerWalk;
    }

    static String path(String cursor) {
        return Form.RECORDS + "?limit=" + Form.PAGE + "&filter=" + FILTER
                + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
    }

    static String nextCursor(String body) {
        Matcher m = NEXT.matcher(body);
        return m.find() ? m.group(1) : null;
    }

    @Override
    public boolean call() throws Exception {
        HttpResponse<String> response = http.send(api.authed(path(cursor), bearer).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (!Report.expect(response, 200, "GET records")) {
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
