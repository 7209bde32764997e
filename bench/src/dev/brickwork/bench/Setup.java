package dev.brickwork.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** What the benchmark sets up through the server's design and admin APIs: the form, and phase C's role and people. */
final class Setup {

    private final Api api;

    Setup(Api api) {
        this.api = api;
    }

    /** Creates the app {@code bench} and publishes the 12-field form {@code deal}. */
    void design() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Api.send(http, api.authed("/api/v1/design/apps").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"key\": \"" + Form.APP + "\", \"label\": \"Bench\"}")).build(),
                201, "create app");
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
        String form = "/api/v1/design/apps/" + Form.APP + "/forms/" + Form.FORM;
        HttpResponse<String> draft = Api.send(http, api.authed(form + "/draft")
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(definition)).build(), 200,
                "save draft");
        if (!draft.body().replace(" ", "").contains("\"problems\":[]")) {
            throw new IllegalStateException("the draft has problems: " + draft.body());
        }
        HttpResponse<String> publish = Api.send(http, api.authed(form + "/publish")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), 200, "publish");
        System.out.println("published form " + Form.APP + "/" + Form.FORM + " (12 fields): "
                + publish.body().substring(0, Math.min(120, publish.body().length())) + " ...");
    }

    /**
     * Through the admin API: the role {@code bench_reader} (read bench/deal with scope department), five departments
     * and two users with that role in each. They own the loaded rows, so each department sees a fifth of them.
     */
    People people() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String role = People.READER_ROLE;
        Api.send(http, api.authed("/api/v1/admin/roles/" + role).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"key\": \"" + role + "\", \"permissions\": [{\"app\": \""
                        + Form.APP + "\", \"form\": \"" + Form.FORM + "\", \"actions\": {\"read\": \"department\"}}]}"))
                .build(), 200, "put role " + role);
        People people = new People();
        for (int d = 0; d < People.DEPARTMENTS; d++) {
            HttpResponse<String> department = Api.send(http, api.authed("/api/v1/admin/departments")
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"name\": \"Bench department " + (d + 1) + "\", \"parent\": null}")).build(), 201,
                    "create department");
            people.departmentIds[d] = Api.firstId(department.body());
            for (int u = 0; u < People.USERS_PER_DEPARTMENT; u++) {
                int n = d * People.USERS_PER_DEPARTMENT + u;
                people.ownerNames[n] = "bench" + (d + 1) + "." + (u + 1);
                people.ownerPasswords[n] = "bench-" + Database.uuidV7();
                HttpResponse<String> user = Api.send(http, api.authed("/api/v1/admin/users")
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                                "{\"username\": " + Api.json(people.ownerNames[n]) + ", \"password\": "
                                        + Api.json(people.ownerPasswords[n]) + ", \"displayName\": \"Bench user " + (d + 1)
                                        + "." + (u + 1) + "\", \"department\": \"" + people.departmentIds[d]
                                        + "\", \"roles\": [\"" + role + "\"]}")).build(), 201,
                        "create user");
                people.ownerIds[n] = Api.firstId(user.body());
            }
        }
        System.out.println("created role " + role + " (read " + Form.APP + "/" + Form.FORM + " with scope department), "
                + People.DEPARTMENTS + " departments and " + people.ownerIds.length + " users ("
                + People.USERS_PER_DEPARTMENT + " per department) through the admin API; they own the rows, evenly");
        return people;
    }
}
