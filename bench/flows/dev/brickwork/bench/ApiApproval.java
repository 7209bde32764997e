package dev.brickwork.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.http.HttpMethod;

import java.util.UUID;

/**
 * One approval through the HTTP API, as people do it: the rep submits a deal, the manager finds it in their inbox
 * and approves, the director finds it and approves, and the answer says {@code approved}. A team's deals are
 * submitted in turn; an approved deal may be submitted again once all have been.
 */
final class ApiApproval implements Worker {

    private final LeanHttp http;
    private final FlowWorld.Team team;
    private int next;

    ApiApproval(LeanHttp http, FlowWorld.Team team) {
        this.http = http;
        this.team = team;
    }

    @Override
    public boolean call() throws Exception {
        UUID deal = team.deals()[next++ % team.deals().length];
        String records = "/api/v1/apps/" + FlowWorld.APP + "/forms/" + FlowWorld.FORM + "/records/";
        LeanHttp.Answer submitted = http.send(HttpMethod.POST, records + deal + "/submit", team.rep(), null);
        if (!expect(submitted, 200, "submit")) {
            return false;
        }
        return decide("manager", team.manager(), deal, "pending") && decide("director", team.director(), deal, "approved");
    }

    /** Finds the deal's task in the person's inbox and approves it; the record's approval must then be {@code expected}. */
    private boolean decide(String who, String person, UUID deal, String expected) throws Exception {
        LeanHttp.Answer inbox = http.send(HttpMethod.GET, "/api/v1/tasks?assignee=me", person, null);
        if (!expect(inbox, 200, "inbox")) {
            return false;
        }
        String task = null;
        for (JsonNode item : FlowWorld.JSON.readTree(inbox.body()).path("items")) {
            if (deal.toString().equals(item.path("record").path("id").asText())) {
                task = item.get("id").asText();
            }
        }
        if (task == null) {
            Report.error("no task for deal " + deal + " in the " + who + "'s inbox ("
                    + FlowWorld.JSON.readTree(inbox.body()).path("items").size() + " items)");
            return false;
        }
        LeanHttp.Answer decided = http.send(HttpMethod.POST, "/api/v1/tasks/" + task + "/approve", person, "{}");
        if (!expect(decided, 200, "approve")) {
            return false;
        }
        String approval = FlowWorld.JSON.readTree(decided.body()).path("record").path("approval").asText();
        if (!expected.equals(approval)) {
            Report.error("after the approval the deal is " + approval + ", not " + expected);
            return false;
        }
        return true;
    }

    private static boolean expect(LeanHttp.Answer answer, int status, String what) {
        if (answer.status() == status) {
            return true;
        }
        Report.error(what + " answered " + answer.status() + ": " + answer.body());
        return false;
    }
}
