package dev.brickwork.runtime.flows;

import dev.brickwork.runtime.AsAdmin;
import dev.brickwork.runtime.Login;
import dev.brickwork.runtime.admin.People;
import dev.brickwork.testing.Db;
import dev.brickwork.testing.Design;
import dev.brickwork.testing.Fixtures;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/**
 * A contract approval drawn in Camunda Modeler 5 and uploaded as it is: a review by a role ({@code candidateGroups}),
 * a gateway on the amount, and above 100,000 a director named by username ({@code camunda:assignee}); approving
 * ends the flow approved and sets the stage the approved end names.
 */
@QuarkusTest
@WithTestResource(TestDatabase.class)
class StandardBpmnUploadTest {

    private static final String APP = "bpmn_std";
    private static final String BASE = "/api/v1/apps/" + APP + "/forms/";
    private static final String DESIGN = "/api/v1/design/apps/" + APP + "/flows/";

    static final String MODELER = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="Definitions_0q1w2e3" targetNamespace="http://bpmn.io/schema/bpmn" exporter="Camunda Modeler" exporterVersion="5.28.0" modeler:executionPlatform="Camunda Platform" modeler:executionPlatformVersion="7.22.0">
              <bpmn:process id="Process_0contract" name="Contract approval" isExecutable="true" camunda:historyTimeToLive="180">
                <bpmn:startEvent id="StartEvent_1" camunda:formKey="embedded:app:forms/contract.html">
                  <bpmn:outgoing>Flow_0a</bpmn:outgoing>
                </bpmn:startEvent>
                <bpmn:sequenceFlow id="Flow_0a" sourceRef="StartEvent_1" targetRef="Activity_review" />
                <bpmn:userTask id="Activity_review" name="Review" camunda:candidateGroups="%s">
                  <bpmn:incoming>Flow_0a</bpmn:incoming>
                  <bpmn:outgoing>Flow_0b</bpmn:outgoing>
                </bpmn:userTask>
                <bpmn:sequenceFlow id="Flow_0b" sourceRef="Activity_review" targetRef="Gateway_amount" />
                <bpmn:exclusiveGateway id="Gateway_amount" name="Large?" default="Flow_small">
                  <bpmn:incoming>Flow_0b</bpmn:incoming>
                  <bpmn:outgoing>Flow_large</bpmn:outgoing>
                  <bpmn:outgoing>Flow_small</bpmn:outgoing>
                </bpmn:exclusiveGateway>
                <bpmn:sequenceFlow id="Flow_large" sourceRef="Gateway_amount" targetRef="Activity_director">
                  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${amount &gt; 100000}</bpmn:conditionExpression>
                </bpmn:sequenceFlow>
                <bpmn:sequenceFlow id="Flow_small" sourceRef="Gateway_amount" targetRef="Event_approved" />
                <bpmn:userTask id="Activity_director" name="Director" camunda:assignee="%s">
                  <bpmn:incoming>Flow_large</bpmn:incoming>
                  <bpmn:outgoing>Flow_0c</bpmn:outgoing>
                </bpmn:userTask>
                <bpmn:sequenceFlow id="Flow_0c" sourceRef="Activity_director" targetRef="Event_approved" />
                <bpmn:endEvent id="Event_approved" name="Approved">
                  <bpmn:extensionElements>
                    <camunda:properties>
                      <camunda:property name="brickwork.set" value="{&#34;stage&#34;: &#34;signed&#34;}" />
                    </camunda:properties>
                  </bpmn:extensionElements>
                  <bpmn:incoming>Flow_small</bpmn:incoming>
                  <bpmn:incoming>Flow_0c</bpmn:incoming>
                </bpmn:endEvent>
              </bpmn:process>
              <bpmndi:BPMNDiagram id="BPMNDiagram_1">
                <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="Process_0contract">
                  <bpmndi:BPMNShape id="StartEvent_1_di" bpmnElement="StartEvent_1"><dc:Bounds x="152" y="102" width="36" height="36" /></bpmndi:BPMNShape>
                  <bpmndi:BPMNShape id="Activity_review_di" bpmnElement="Activity_review"><dc:Bounds x="240" y="80" width="100" height="80" /></bpmndi:BPMNShape>
                  <bpmndi:BPMNShape id="Gateway_amount_di" bpmnElement="Gateway_amount" isMarkerVisible="true"><dc:Bounds x="395" y="95" width="50" height="50" /></bpmndi:BPMNShape>
                  <bpmndi:BPMNShape id="Activity_director_di" bpmnElement="Activity_director"><dc:Bounds x="500" y="200" width="100" height="80" /></bpmndi:BPMNShape>
                  <bpmndi:BPMNShape id="Event_approved_di" bpmnElement="Event_approved"><dc:Bounds x="662" y="102" width="36" height="36" /></bpmndi:BPMNShape>
                  <bpmndi:BPMNEdge id="Flow_0a_di" bpmnElement="Flow_0a"><di:waypoint x="188" y="120" /><di:waypoint x="240" y="120" /></bpmndi:BPMNEdge>
                  <bpmndi:BPMNEdge id="Flow_0b_di" bpmnElement="Flow_0b"><di:waypoint x="340" y="120" /><di:waypoint x="395" y="120" /></bpmndi:BPMNEdge>
                  <bpmndi:BPMNEdge id="Flow_large_di" bpmnElement="Flow_large"><di:waypoint x="420" y="145" /><di:waypoint x="420" y="240" /><di:waypoint x="500" y="240" /></bpmndi:BPMNEdge>
                  <bpmndi:BPMNEdge id="Flow_small_di" bpmnElement="Flow_small"><di:waypoint x="445" y="120" /><di:waypoint x="662" y="120" /></bpmndi:BPMNEdge>
                  <bpmndi:BPMNEdge id="Flow_0c_di" bpmnElement="Flow_0c"><di:waypoint x="600" y="240" /><di:waypoint x="680" y="240" /><di:waypoint x="680" y="138" /></bpmndi:BPMNEdge>
                </bpmndi:BPMNPlane>
              </bpmndi:BPMNDiagram>
            </bpmn:definitions>
            """;

    private static String rep;
    private static String reviewer;
    private static String director;
    private static String customer;

    @BeforeEach
    void setUp() {
        AsAdmin.signOut();
        if (rep == null) {
            world();
        }
    }

    private static void world() {
        AsAdmin.signIn();
        try {
            Design.createApp(APP).statusCode(201);
            Design.publishDefinition(APP, "customer", Fixtures.form("customer.v1"));
            Design.publishDefinition(APP, "contract", Fixtures.form("contract.v1"));
        } finally {
            AsAdmin.signOut();
        }
        String staff = People.unique("rep");
        role(staff, "{\"create\": \"all\", \"read\": \"all\", \"update\": \"own\"}");
        String reviewers = People.unique("reviewer");
        role(reviewers, "{\"read\": \"all\"}");
        String repName = People.unique("rep");
        People.createUser(repName, "rep-pass-1", "[\"" + staff + "\"]", null);
        rep = Login.token(repName, "rep-pass-1");
        String reviewerName = People.unique("reviewer");
        People.createUser(reviewerName, "reviewer-pass-1", "[\"" + reviewers + "\"]", null);
        reviewer = Login.token(reviewerName, "reviewer-pass-1");
        String directors = People.unique("director");
        role(directors, "{\"read\": \"all\"}");
        String directorName = People.unique("director");
        People.createUser(directorName, "director-pass-1", "[\"" + directors + "\"]", null);
        director = Login.token(directorName, "director-pass-1");
        customer = People.as(rep).body("{\"fields\": {\"name\": \"" + People.unique("Acme") + "\"}}")
                .post(BASE + "customer/records").then().statusCode(201).extract().path("id");

        byte[] bpmn = MODELER.formatted(reviewers, directorName).getBytes(StandardCharsets.UTF_8);
        upload("standard_contract", bpmn).statusCode(200)
                .body("problems.findAll { it.severity == 'error' }", org.hamcrest.Matchers.empty())
                .body("problems.find { it.code == 'BPMN_IGNORED' }.pointer", equalTo("/bpmn/StartEvent_1"));
        People.asAdmin().post(DESIGN + "standard_contract/publish").then().statusCode(200);
    }

    @Test
    void belowTheLimitTheReviewRoleAloneApprovesAndTheApprovedEndSetsTheStage() {
        // given
        String contract = contract("Small", "50000");

        // when
        submit(contract);
        String task = taskOn(reviewer, contract);

        // then
        assertThat(tasksOn(director, contract)).isEmpty();
        decide(reviewer, task).body("record.approval", equalTo("approved"));
        record(contract).body("approval", equalTo("approved")).body("fields.stage", equalTo("signed"));
    }

    @Test
    void aboveTheLimitTheDirectorNamedByUsernameDecidesAfterTheReview() {
        // given
        String contract = contract("Large", "150000");
        submit(contract);

        // when
        decide(reviewer, taskOn(reviewer, contract)).body("record.approval", equalTo("pending"));

        // then
        String task = taskOn(director, contract);
        decide(director, task).body("record.approval", equalTo("approved"));
        record(contract).body("approval", equalTo("approved")).body("fields.stage", equalTo("signed"));
    }

    @Test
    void theVersionKeepsTheFileAsUploadedAsItsDraftAndDeploysItMapped() {
        People.asAdmin().get(DESIGN + "standard_contract").then().statusCode(200)
                .body("format", equalTo("bpmn")).body("draft", org.hamcrest.Matchers.containsString("Process_0contract"));
        String deployed = People.asAdmin().get(DESIGN + "standard_contract/versions/1/bpmn").then().statusCode(200)
                .extract().asString();
        assertThat(deployed).contains("id=\"standard_contract\"").contains("brickwork.approvers")
                .doesNotContain("formKey");
    }

    @Test
    void anUploadWithAScriptTaskIsRefusedAtTheTaskAndPublishesNothing() {
        // given
        byte[] bpmn = MODELER.formatted("legal", "nobody")
                .replace("<bpmn:userTask id=\"Activity_director\" name=\"Director\" camunda:assignee=\"nobody\">",
                        "<bpmn:scriptTask id=\"Activity_director\" scriptFormat=\"groovy\"><bpmn:script>'id'.execute()</bpmn:script>")
                .replace("</bpmn:userTask>\n    <bpmn:sequenceFlow id=\"Flow_0c\"", "</bpmn:scriptTask>\n    <bpmn:sequenceFlow id=\"Flow_0c\"")
                .getBytes(StandardCharsets.UTF_8);

        // when
        upload("scripted", bpmn).statusCode(200)
                .body("problems.pointer", hasItem("/bpmn/Activity_director"))
                .body("problems.code", hasItem("BPMN_SCRIPT_TASK"));
        People.asAdmin().post(DESIGN + "scripted/publish").then().statusCode(422)
                .body("errors.pointer", hasItem("/bpmn/Activity_director"));

        // then
        People.asAdmin().get(DESIGN + "scripted").then().statusCode(200).body("currentVersion", nullValue());
        assertThat(Db.single("SELECT count(*) FROM brickwork.flow_versions v JOIN brickwork.flows f ON f.id = v.flow_id"
                + " WHERE f.flow_key = 'scripted'")).isEqualTo("0");
    }

    private static io.restassured.response.ValidatableResponse upload(String flow, byte[] bpmn) {
        return People.asAdmin().contentType("application/xml").body(bpmn).queryParam("form", "contract")
                .queryParam("on", "submit").put(DESIGN + flow + "/draft").then();
    }

    private static String contract(String title, String amount) {
        return People.as(rep).body("{\"fields\": {\"title\": \"" + People.unique(title) + "\", \"customer\": \"" + customer
                + "\", \"amount\": \"" + amount + "\", \"stage\": \"draft\"}}").post(BASE + "contract/records").then()
                .statusCode(201).extract().path("id");
    }

    private static void submit(String contract) {
        People.as(rep).post(BASE + "contract/records/" + contract + "/submit").then().statusCode(200)
                .body("approval", equalTo("pending"));
    }

    private static io.restassured.response.ValidatableResponse record(String contract) {
        return People.as(rep).get(BASE + "contract/records/" + contract).then().statusCode(200);
    }

    private static List<String> tasksOn(String token, String contract) {
        return People.as(token).get("/api/v1/tasks?assignee=me").then().statusCode(200)
                .extract().path("items.findAll { it.record.id == '" + contract + "' }.id");
    }

    private static String taskOn(String token, String contract) {
        List<String> ids = tasksOn(token, contract);
        assertThat(ids).as("the open tasks on the record").hasSize(1);
        return ids.get(0);
    }

    private static io.restassured.response.ValidatableResponse decide(String token, String task) {
        return People.as(token).body("").post("/api/v1/tasks/" + task + "/approve").then().statusCode(200);
    }

    private static void role(String key, String actions) {
        People.asAdmin().body("{\"key\": \"" + key + "\", \"permissions\": [{\"app\": \"" + APP + "\", \"form\": \"contract\","
                + " \"actions\": " + actions + "}, {\"app\": \"" + APP + "\", \"form\": \"customer\", \"actions\": "
                + "{\"create\": \"all\", \"read\": \"all\"}}]}").put("/api/v1/admin/roles/" + key).then().statusCode(200);
    }
}
