package dev.brickwork.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

/**
 * What the approvals benchmark sets up through the server's API: the app {@code flows} with the form {@code deal}
 * and the two-step flow {@code deal_approval} (the owner's manager, then the deal's reviewer), and per client a
 * department with its manager, a rep in it, a director, and the rep's deals waiting to be submitted.
 */
final class FlowWorld {

    static final String APP = "flows";
    static final String FORM = "deal";
    static final String FLOW = "deal_approval";
    static final ObjectMapper JSON = new ObjectMapper();

    /** One client's people (tokens) and its deals. */
    record Team(String rep, String manager, String managerId, String director, String directorId, UUID[] deals) {
    }

    private final Api api;
    private final HttpClient http = HttpClient.newHttpClient();

    FlowWorld(Api api) {
        this.api = api;
    }

    void design() throws Exception {
        post("/api/v1/design/apps", "{\"key\": \"" + APP + "\", \"label\": \"Flows bench\"}", 201, "create app");
        String form = """
                {"schemaVersion": 1, "key": "deal", "label": "Deal", "titleField": "title",
                 "fields": [
                  {"key": "title", "type": "text", "required": true, "maxLength": 200},
                  {"key": "amount", "type": "money", "currency": "CNY", "min": 0},
                  {"key": "reviewer", "type": "user"},
                  {"key": "stage", "type": "select", "default": "draft", "options": [
                    {"value": "draft", "label": "Draft"}, {"value": "signed", "label": "Signed"}]}]}
                """;
        String formPath = "/api/v1/design/apps/" + APP + "/forms/" + FORM;
        put(formPath + "/draft", form, 200, "save the form");
        post(formPath + "/publish", "", 200, "publish the form");
        String flow = """
                {"schemaVersion": 1, "key": "deal_approval", "form": "deal", "trigger": {"on": "submit"},
                 "nodes": [
                   {"type": "approval", "key": "manager", "approvers": [{"managerOf": "owner"}], "mode": "any"},
                   {"type": "approval", "key": "director", "approvers": [{"field": "reviewer"}], "mode": "any"}],
                 "onApproved": {"set": {"stage": "signed"}}, "onRejected": {"set": {"stage": "draft"}}}
                """;
        String flowPath = "/api/v1/design/apps/" + APP + "/flows/" + FLOW;
        put(flowPath + "/draft", flow, 200, "save the flow");
        post(flowPath + "/publish", "", 200, "publish the flow");
        System.out.println("published form " + APP + "/" + FORM + " and flow " + FLOW
                + ": the owner's manager, then the deal's reviewer; approved sets stage = signed");
    }

    /** The BPMN the server deployed for the flow's first version: what the bare engine runs too. */
    String bpmn() throws Exception {
        return Api.send(http, api.authed("/api/v1/design/apps/" + APP + "/flows/" + FLOW + "/versions/1/bpmn").GET()
                .build(), 200, "read the deployed BPMN").body();
    }

    Team team(int n, int deals) throws Exception {
        String role = "flows_staff";
        if (n == 0) {
            put("/api/v1/admin/roles/" + role, "{\"key\": \"" + role + "\", \"permissions\": [{\"app\": \"" + APP
                    + "\", \"form\": \"" + FORM + "\", \"actions\": {\"create\": \"all\", \"read\": \"all\","
                    + " \"update\": \"all\"}}]}", 200, "put role");
        }
        String password = "bench-" + Database.uuidV7();
        String managerId = user("manager" + n, password, role, null);
        String department = id(post("/api/v1/admin/departments", "{\"name\": \"Flows team " + n
                + "\", \"parent\": null, \"manager\": \"" + managerId + "\"}", 201, "create department"));
        String repId = user("rep" + n, password, role, department);
        String directorId = user("director" + n, password, role, null);
        String rep = api.login("rep" + n, password);
        UUID[] ids = new UUID[deals];
        for (int i = 0; i < deals; i++) {
            HttpResponse<String> created = Api.send(http, api.authed("/api/v1/apps/" + APP + "/forms/" + FORM + "/records", rep)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"fields\": {\"title\": \"Deal " + n + "." + i + "\", \"amount\": \"" + (1000 + i)
                                    + "\", \"reviewer\": \"" + directorId + "\"}}")).build(), 201, "create deal");
            ids[i] = UUID.fromString(JSON.readTree(created.body()).get("id").asText());
        }
        return new Team(rep, api.login("manager" + n, password), managerId, api.login("director" + n, password),
                directorId, ids);
    }

    private String user(String name, String password, String role, String department) throws Exception {
        return id(post("/api/v1/admin/users", "{\"username\": \"" + name + "\", \"password\": \"" + password
                + "\", \"displayName\": \"" + name + "\", \"roles\": [\"" + role + "\"], \"department\": "
                + (department == null ? "null" : "\"" + department + "\"") + "}", 201, "create user " + name));
    }

    private static String id(HttpResponse<String> response) throws Exception {
        JsonNode body = JSON.readTree(response.body());
        return body.get("id").asText();
    }

    private HttpResponse<String> post(String path, String body, int status, String what) throws Exception {
        return Api.send(http, api.authed(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), status, what);
    }

    private HttpResponse<String> put(String path, String body, int status, String what) throws Exception {
        return Api.send(http, api.authed(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), status, what);
    }
}
