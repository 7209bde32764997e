package dev.brickwork.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Phase A through the API: {@code POST …/records}, one record per call, as the admin; only 201s count. */
final class ApiCreate implements Worker {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Api api;
    private final Deal[] deals;
    private final int thread;
    private int i;

    ApiCreate(Api api, Deal[] deals, int thread) {
        this.api = api;
        this.deals = deals;
        this.thread = thread;
    }

    @Override
    public boolean call() throws Exception {
        Deal deal = Deal.pick(deals, thread, i++);
        HttpRequest request = api.authed(Form.RECORDS)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(deal.body())).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return Report.expect(response, 201, "POST record");
    }
}
