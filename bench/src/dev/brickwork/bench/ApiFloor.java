package dev.brickwork.bench;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;

/**
 * The floor under every API figure: {@code GET /api/v1/me}, an authenticated request that reads nothing (the session
 * is cached), so its rate is what HTTP, authentication and JSON cost on this machine before any record work.
 */
final class ApiFloor implements Worker {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Api api;

    ApiFloor(Api api) {
        this.api = api;
    }

    @Override
    public boolean call() throws Exception {
        HttpResponse<String> response = http.send(api.authed("/api/v1/me").GET().build(), HttpResponse.BodyHandlers.ofString());
        return Report.expect(response, 200, "GET /me");
    }
}
