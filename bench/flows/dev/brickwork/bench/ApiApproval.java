package dev.brickwork.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

/**
 * One approval through the HTTP API, as people do it: the rep submits a deal, the manager finds it in their inbox
 * and approves, the director finds it and approves, and the answer says {@code approved}. A team's deals are
 * submitted in turn; an approved deal may be submitted again once all have been.
 */
final class ApiApproval implements Worker {

    private final Api api;
    private final FlowWorld.Team team;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private int next;

    ApiApproval(Api api, FlowWorld.Team team) {
        this.api = api;
        this.team = team;
    }

    @Override
    public boolean call() throws Exception {
        UUID deal = team.deals()[next++ % team.deals().length];
        String records = "/api/v1/apps/" + FlowWorld.APP + "/forms/" + FlowWorld.FORM + "/records/";
        HttpResponse<String> submitted = send(api.authed(records + deal + "/submit", team.rep())
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        if (!Report.expect(submitted, 200, "submit")) {
            return false;
        }
        return decide(team.manager(), deal, "pending") && decide(team.director(), deal, "approved");
    }

    /** Finds the deal's task in the person's inbox and approves it; the record's approval must then be {@code expected}. */
    private boolean decide(String person, UUID deal, String expected) throws Exception {
        HttpResponse<String> inbox = send(api.authed("/api/v1/tasks?assignee=me", person).GET().build());
        if (!Report.expect(inbox, 200, "inbox")) {
            return false;
        }
        String task = null;
        for (JsonNode item : FlowWorld.JSON.readTree(inbox.body()).path("items")) {
            if (deal.toString().equals(item.path("record").path("id").asText())) {
                task = item.get("id").asText();
            }
        }
        if (task == null) {
            Report.error("no task for deal " + deal + " in the inbox");
            return false;
        }
        HttpResponse<String> decided = send(api.authed("/api/v1/tasks/" + task + "/approve", person)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        if (!Report.expect(decided, 200, "approve")) {
            return false;
        }
        String approval = FlowWorld.JSON.readTree(decided.body()).path("record").path("approval").asText();
        if (!expected.equals(approval)) {
            Report.error("after the approval the deal is " + approval + ", not " + expected);
            return false;
        }
        return true;
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
