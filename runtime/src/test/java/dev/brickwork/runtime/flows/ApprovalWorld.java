package dev.brickwork.runtime.flows;

import dev.brickwork.runtime.AsAdmin;
import dev.brickwork.runtime.Login;
import dev.brickwork.runtime.admin.People;
import dev.brickwork.testing.Design;
import dev.brickwork.testing.Fixtures;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.util.List;
import java.util.Map;

/**
 * The seed's example, set up through the API: an app with customers and contracts, a sales department whose
 * manager approves first, a sales and a finance director, a rep who owns contracts, and the flow
 * "contracts above 100,000 must be countersigned by the sales director and the finance director".
 */
final class ApprovalWorld {

    static final String FLOW = """
            {"schemaVersion": 1, "key": "contract_approval", "form": "contract",
             "trigger": {"on": "submit"},
             "nodes": [
               {"type": "approval", "key": "manager", "approvers": [{"managerOf": "owner"}], "mode": "any",
                "timeout": {"after": "P2D", "action": "remind"}},
               {"type": "branch", "branches": [
                 {"when": "amount > 100000", "nodes": [
                   {"type": "approval", "key": "directors", "mode": "all",
                    "approvers": [{"role": "%s"}, {"role": "%s"}]}]},
                 {"otherwise": true, "nodes": []}]},
               {"type": "notify", "to": [{"field": "owner"}], "message": "Contract {title} approved"}],
             "onApproved": {"set": {"stage": "signed"}}, "onRejected": {"set": {"stage": "draft"}}}
            """;

    final String app;
    final String base;
    final String rep;
    final String repId;
    final String manager;
    final String managerId;
    final String salesDirector;
    final String financeDirector;
    final String customer;
    final String salesRole;
    final String financeRole;

    ApprovalWorld(String app) {
        this.app = app;
        this.base = "/api/v1/apps/" + app + "/forms/";
        AsAdmin.signIn();
        try {
            Design.createApp(app).statusCode(201);
            Design.publishDefinition(app, "customer", Fixtures.form("customer.v1"));
            Design.publishDefinition(app, "contract", Fixtures.form("contract.v1"));
        } finally {
            AsAdmin.signOut();
        }
        String staffRole = People.unique("rep");
        role(staffRole, "{\"create\": \"all\", \"read\": \"all\", \"update\": \"own\"}");
        salesRole = People.unique("sales_director");
        financeRole = People.unique("finance_director");
        role(salesRole, "{\"read\": \"all\"}");
        role(financeRole, "{\"read\": \"all\"}");
        String managerName = People.unique("manager");
        managerId = People.createUser(managerName, "manager-pass-1", "[\"" + staffRole + "\"]", null);
        String department = People.asAdmin().body("{\"name\": \"" + People.unique("Sales") + "\", \"parent\": null, \"manager\": \""
                + managerId + "\"}").post("/api/v1/admin/departments").then().statusCode(201).extract().path("id");
        String repName = People.unique("rep");
        repId = People.createUser(repName, "rep-pass-1", "[\"" + staffRole + "\"]", department);
        rep = Login.token(repName, "rep-pass-1");
        manager = Login.token(managerName, "manager-pass-1");
        salesDirector = user("sales", salesRole);
        financeDirector = user("finance", financeRole);
        customer = as(rep).body("{\"fields\": {\"name\": \"" + People.unique("Acme") + "\"}}")
                .post(base + "customer/records").then().statusCode(201).extract().path("id");
        publishFlow("contract_approval", FLOW.formatted(salesRole, financeRole));
    }

    void publishFlow(String key, String flow) {
        People.asAdmin().body(flow).put("/api/v1/design/apps/" + app + "/flows/" + key + "/draft").then().statusCode(200);
        People.asAdmin().post("/api/v1/design/apps/" + app + "/flows/" + key + "/publish").then().statusCode(200);
    }

    String contract(String title, String amount) {
        return as(rep).body("{\"fields\": {\"title\": \"" + title + "\", \"customer\": \"" + customer + "\", \"amount\": \""
                + amount + "\", \"stage\": \"draft\"}}").post(base + "contract/records").then().statusCode(201).extract().path("id");
    }

    ValidatableResponse submit(String token, String contract) {
        return as(token).post(base + "contract/records/" + contract + "/submit").then();
    }

    ValidatableResponse record(String contract) {
        return as(rep).get(base + "contract/records/" + contract).then().statusCode(200);
    }

    /** The id of the caller's one open task on the record. */
    String taskOn(String token, String contract) {
        List<String> ids = as(token).get("/api/v1/tasks?assignee=me").then().statusCode(200)
                .extract().path("items.findAll { it.record.id == '" + contract + "' }.id");
        if (ids.size() != 1) {
            throw new AssertionError("expected one task on " + contract + ", found " + ids.size());
        }
        return ids.get(0);
    }

    boolean managerHasNoTaskOn(String contract) {
        List<String> ids = as(manager).get("/api/v1/tasks?assignee=me").then().statusCode(200)
                .extract().path("items.findAll { it.record.id == '" + contract + "' }.id");
        return ids.isEmpty();
    }

    ValidatableResponse decide(String token, String task, String decision, String comment) {
        return as(token).body(comment == null ? "" : "{\"comment\": \"" + comment + "\"}")
                .post("/api/v1/tasks/" + task + "/" + decision).then();
    }

    static RequestSpecification as(String token) {
        return People.as(token);
    }

    private String user(String name, String role) {
        String username = People.unique(name);
        People.createUser(username, name + "-pass-1", "[\"" + role + "\"]", null);
        return Login.token(username, name + "-pass-1");
    }

    private void role(String key, String actions) {
        People.asAdmin().body("{\"key\": \"" + key + "\", \"permissions\": [{\"app\": \"" + app + "\", \"form\": \"contract\","
                + " \"actions\": " + actions + "}, {\"app\": \"" + app + "\", \"form\": \"customer\", \"actions\": "
                + "{\"create\": \"all\", \"read\": \"all\"}}]}").put("/api/v1/admin/roles/" + key).then().statusCode(200);
    }

    /** Each timeline entry's detail, newest first (empty for entries without one). */
    List<Map<String, Object>> timeline(RequestSpecification caller, String form, String record) {
        return caller.get(base + form + "/records/" + record + "/timeline").then().statusCode(200)
                .extract().path("items.collect { it.detail == null ? [:] : it.detail }");
    }

    /** Where the entry of {@code event} at {@code node} is in a newest-first list; -1 when absent. */
    static int indexOf(List<Map<String, Object>> details, String event, String node) {
        for (int i = 0; i < details.size(); i++) {
            if (event.equals(details.get(i).get("event")) && node.equals(details.get(i).get("node"))) {
                return i;
            }
        }
        return -1;
    }
}
