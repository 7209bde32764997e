package dev.brickwork.runtime.web;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.brickwork.runtime.Login;
import dev.brickwork.runtime.admin.People;
import dev.brickwork.testing.Db;
import dev.brickwork.testing.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static dev.brickwork.runtime.web.StaffBrowser.shot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The approval-flow designer in the browser: the tree, its problems, undo, the simulator, publishing, BPMN uploads. */
@QuarkusTest
@TestProfile(WebAppTestBase.CrmWithoutFirstStart.class)
@WithTestResource(TestDatabase.class)
class FlowDesignerWebTest extends WebAppTestBase {

    @Test
    void anAdminDesignsABranchWithACountersignSimulatesItPublishesAndItRuns() {
        Page page = browser.signedIn("admin", TestDatabase.adminPassword(), "en-US", 1280);
        page.getByTestId("user-menu").click();
        page.getByTestId("design-flows-link").click();
        page.getByTestId("flow-new").click();
        page.getByTestId("flow-new-key").fill("ui_opp_review");
        page.getByTestId("flow-new-form").selectOption("opportunity");
        page.getByTestId("flow-new-create").click();

        // a branch: its empty condition is a problem shown on the condition's card until it is written
        page.getByTestId("flow-add-/nodes-0").click();
        visible(page, "flow-add-type-branch").click();
        Locator condition = page.getByTestId("flow-branch-/nodes/0/branches/0");
        expect(condition.locator(".problems")).isVisible();
        condition.click();
        page.getByTestId("flow-branch-when").fill("amount >= 100000");
        expect(condition.locator(".problems")).hasCount(0);

        // a countersign in the branch: a sales director and the owner's manager must all approve
        page.getByTestId("flow-add-/nodes/0/branches/0/nodes-0").click();
        visible(page, "flow-add-type-approval").click();
        Locator node = page.getByTestId("flow-node-/nodes/0/branches/0/nodes/0");
        expect(node).isVisible();
        page.getByTestId("flow-undo").click();
        expect(node).hasCount(0);
        page.getByTestId("flow-redo").click();
        node.click();
        page.getByTestId("flow-node-label-en").fill("Directors countersign");
        page.getByTestId("flow-approver-add").click();
        page.getByTestId("flow-approver-value-0").selectOption("sales_director");
        page.getByTestId("flow-approver-add").click();
        page.getByTestId("flow-approver-kind-1").selectOption("managerOf");
        page.getByTestId("flow-approval-mode").selectOption("all");
        page.locator(".el-drawer__close-btn:visible").click();
        expect(node).containsText("Countersign");
        // the keyboard undoes and redoes the last edit (the mode) too
        page.keyboard().press("Control+Z");
        expect(node).not().containsText("Countersign");
        page.keyboard().press("Control+Shift+Z");
        expect(node).containsText("Countersign");
        expect(page.getByTestId("flow-status")).hasText("Draft saved", new com.microsoft.playwright.assertions.LocatorAssertions
                .HasTextOptions().setTimeout(10_000));
        assertThat(Db.single("SELECT draft::text FROM brickwork.flows WHERE flow_key = 'ui_opp_review'"))
                .contains("\"mode\": \"all\"").contains("amount >= 100000");
        assertThat(page.getByTestId("flow-problem-count").count()).isZero();
        shot(page, "flow-designer-en");

        // the simulator names the people the running flow would ask, for the rep's opportunity made big
        String opportunity = theRepsFirst("opportunity", "name");
        List<String> expected = expectedApprovers();
        page.getByTestId("flow-simulate").click();
        StaffBrowser.choose(page, page.getByTestId("sim-record"), opportunity, opportunity);
        page.getByTestId("sim-field-add").click();
        page.getByTestId("sim-field-field-name").selectOption("amount");
        page.getByTestId("sim-field-value-amount").fill("250000");
        page.getByTestId("sim-run").click();
        Locator asked = page.getByTestId("sim-approvers-1");
        for (String name : expected) {
            expect(asked).containsText(name);
        }
        expect(page.getByTestId("sim-step-0")).containsText("Takes branch 1");
        shot(page, "flow-simulator-en");

        // published, its BPMN shown; and it runs: the rep submits the opportunity and the countersign asks them
        page.getByTestId("flow-publish").click();
        expect(page.getByTestId("bpmn-canvas").locator(".djs-element").first()).isAttached();
        assertThat(Db.single("SELECT current_version::text FROM brickwork.flows WHERE flow_key = 'ui_opp_review'")).isEqualTo("1");
        page.context().close();

        String token = Login.token(rep, StaffBrowser.PASSWORD);
        String id = theRepsFirst("opportunity", "id");
        People.as(token).body("{\"fields\": {\"amount\": \"250000\"}}").patch(RECORDS + "opportunity/records/" + id)
                .then().statusCode(200);
        People.as(token).post(RECORDS + "opportunity/records/" + id + "/submit").then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(People.as(token)
                .get(RECORDS + "opportunity/records/" + id + "/approval").then().statusCode(200).extract()
                .jsonPath().getList("current.assignee.name")).containsAll(expected));
    }

    @Test
    void anUploadedBpmnWithAScriptTaskShowsTheProblemOnItsElement() throws Exception {
        People.asAdmin().body("{\"schemaVersion\": 1, \"key\": \"ui_scripted\", \"form\": \"opportunity\","
                + " \"trigger\": {\"on\": \"submit\"}, \"nodes\": []}")
                .put("/api/v1/design/apps/crm/flows/ui_scripted/draft").then().statusCode(200);
        Path file = Files.createTempFile("scripted", ".bpmn");
        Files.writeString(file, SCRIPTED, StandardCharsets.UTF_8);

        Page page = browser.signedIn("admin", TestDatabase.adminPassword(), "zh-CN", 1280);
        page.navigate(browser.url("/design/flows/crm/ui_scripted"));
        page.getByTestId("flow-tree").waitFor();
        page.getByTestId("flow-upload-file").setInputFiles(file);

        expect(page.getByTestId("bpmn-problem-badge-check")).isVisible();
        page.getByTestId("bpmn-problem-check").click();
        expect(page.locator(".djs-element.selected[data-element-id=check]")).isVisible();
        assertThat(Db.single("SELECT (draft_bpmn IS NOT NULL)::text FROM brickwork.flows WHERE flow_key = 'ui_scripted'")).isEqualTo("true");
        shot(page, "flow-upload-problems-zh");
        page.context().close();
    }

    @Test
    void aBpmnAsCamundaModelerWritesItUploadsDeploysAndRuns() throws Exception {
        // given: a lead flow's draft, then the file a Camunda Modeler user drew for it
        People.asAdmin().body("{\"schemaVersion\": 1, \"key\": \"ui_modeler\", \"form\": \"lead\","
                + " \"trigger\": {\"on\": \"submit\"}, \"nodes\": []}")
                .put("/api/v1/design/apps/crm/flows/ui_modeler/draft").then().statusCode(200);
        String gm = Db.single("SELECT u.username FROM brickwork.users u JOIN brickwork.user_roles r ON r.user_id = u.id"
                + " WHERE r.role_key = 'gm' AND NOT u.disabled ORDER BY u.username LIMIT 1");
        Path file = Files.createTempFile("modeler", ".bpmn");
        Files.writeString(file, MODELER.formatted(gm), StandardCharsets.UTF_8);

        // when: uploaded in the designer and published
        Page page = browser.signedIn("admin", TestDatabase.adminPassword(), "en-US", 1280);
        page.navigate(browser.url("/design/flows/crm/ui_modeler"));
        page.getByTestId("flow-tree").waitFor();
        page.getByTestId("flow-upload-file").setInputFiles(file);
        expect(page.getByTestId("bpmn-canvas").locator("[data-element-id=Activity_review]")).isVisible();
        assertThat(page.getByTestId("flow-problem-count").count()).as("only warnings, no errors").isZero();
        page.getByTestId("flow-publish").click();
        expect(page.getByTestId("flow-version-1")).isVisible();
        shot(page, "flow-modeler-published-en");
        page.context().close();

        // then: a submitted lead's review reaches the sales directors (the candidate group)
        String lead = Db.single("SELECT l.id::text FROM app_crm.lead l JOIN brickwork.user_roles r ON r.user_id = l.owner"
                + " WHERE r.role_key = 'sales_rep' AND l.approval = 'none' AND l.deleted_at IS NULL ORDER BY l.name LIMIT 1");
        String owner = Db.single("SELECT u.username FROM app_crm.lead l JOIN brickwork.users u ON u.id = l.owner WHERE l.id = ?::uuid", lead);
        String token = Login.token(owner, StaffBrowser.PASSWORD);
        People.as(token).post(RECORDS + "lead/records/" + lead + "/submit").then().statusCode(200);
        List<String> directors = List.of(Db.single("SELECT string_agg(u.display_name, '|') FROM brickwork.users u JOIN"
                + " brickwork.user_roles r ON r.user_id = u.id WHERE r.role_key = 'sales_director' AND NOT u.disabled").split("\\|"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(People.as(token)
                .get(RECORDS + "lead/records/" + lead + "/approval").then().statusCode(200).extract()
                .jsonPath().getList("current.assignee.name", String.class)).isNotEmpty().isSubsetOf(directors));
    }

    /** The sales directors and the rep's department manager, by the names the directory gives them. */
    private List<String> expectedApprovers() {
        String directors = Db.single("SELECT string_agg(u.display_name, '|') FROM brickwork.users u JOIN brickwork.user_roles r"
                + " ON r.user_id = u.id WHERE r.role_key = 'sales_director' AND NOT u.disabled");
        String manager = Db.single("SELECT m.display_name FROM brickwork.users u JOIN brickwork.departments d ON d.id = u.department_id"
                + " JOIN brickwork.users m ON m.id = d.manager_id WHERE u.username = ?", rep);
        List<String> names = new java.util.ArrayList<>(List.of(directors.split("\\|")));
        names.add(manager);
        return names;
    }

    private static Locator visible(Page page, String testId) {
        return page.locator("[data-testid=" + testId + "]:visible");
    }

    private static final String SCRIPTED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                         xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
                         xmlns:di="http://www.omg.org/spec/DD/20100524/DI" targetNamespace="https://brickwork.dev/flows">
              <process id="ui_scripted" isExecutable="true">
                <startEvent id="start"/>
                <sequenceFlow id="f1" sourceRef="start" targetRef="check"/>
                <scriptTask id="check" name="Check" scriptFormat="groovy"><script>1 + 1</script></scriptTask>
                <sequenceFlow id="f2" sourceRef="check" targetRef="done"/>
                <endEvent id="done"/>
              </process>
              <bpmndi:BPMNDiagram id="d"><bpmndi:BPMNPlane id="p" bpmnElement="ui_scripted">
                <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="100" y="100" width="36" height="36"/></bpmndi:BPMNShape>
                <bpmndi:BPMNShape id="check_di" bpmnElement="check"><dc:Bounds x="200" y="78" width="100" height="80"/></bpmndi:BPMNShape>
                <bpmndi:BPMNShape id="done_di" bpmnElement="done"><dc:Bounds x="360" y="100" width="36" height="36"/></bpmndi:BPMNShape>
                <bpmndi:BPMNEdge id="f1_di" bpmnElement="f1"><di:waypoint x="136" y="118"/><di:waypoint x="200" y="118"/></bpmndi:BPMNEdge>
                <bpmndi:BPMNEdge id="f2_di" bpmnElement="f2"><di:waypoint x="300" y="118"/><di:waypoint x="360" y="118"/></bpmndi:BPMNEdge>
              </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
            </definitions>
            """;

    /** As Camunda Modeler 5 saves it: a user task for a candidate group, a gateway, a task for a user by username. */
    private static final String MODELER = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn" exporter="Camunda Modeler" exporterVersion="5.28.0" modeler:executionPlatform="Camunda Platform" modeler:executionPlatformVersion="7.22.0">
              <bpmn:process id="Process_lead" name="Lead review" isExecutable="true" camunda:historyTimeToLive="180">
                <bpmn:startEvent id="StartEvent_1" camunda:formKey="embedded:app:forms/lead.html">
                  <bpmn:outgoing>Flow_a</bpmn:outgoing>
                </bpmn:startEvent>
                <bpmn:sequenceFlow id="Flow_a" sourceRef="StartEvent_1" targetRef="Activity_review" />
                <bpmn:userTask id="Activity_review" name="Review" camunda:candidateGroups="sales_director">
                  <bpmn:incoming>Flow_a</bpmn:incoming>
                  <bpmn:outgoing>Flow_b</bpmn:outgoing>
                </bpmn:userTask>
                <bpmn:sequenceFlow id="Flow_b" sourceRef="Activity_review" targetRef="Gateway_amount" />
                <bpmn:exclusiveGateway id="Gateway_amount" name="Large?" default="Flow_small">
                  <bpmn:incoming>Flow_b</bpmn:incoming>
                  <bpmn:outgoing>Flow_large</bpmn:outgoing>
                  <bpmn:outgoing>Flow_small</bpmn:outgoing>
                </bpmn:exclusiveGateway>
                <bpmn:sequenceFlow id="Flow_large" sourceRef="Gateway_amount" targetRef="Activity_gm">
                  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${expected_amount &gt; 1000000}</bpmn:conditionExpression>
                </bpmn:sequenceFlow>
                <bpmn:sequenceFlow id="Flow_small" sourceRef="Gateway_amount" targetRef="Event_done" />
                <bpmn:userTask id="Activity_gm" name="General manager" camunda:assignee="%s">
                  <bpmn:incoming>Flow_large</bpmn:incoming>
                  <bpmn:outgoing>Flow_c</bpmn:outgoing>
                </bpmn:userTask>
                <bpmn:sequenceFlow id="Flow_c" sourceRef="Activity_gm" targetRef="Event_done" />
                <bpmn:endEvent id="Event_done" name="Approved">
                  <bpmn:incoming>Flow_small</bpmn:incoming>
                  <bpmn:incoming>Flow_c</bpmn:incoming>
                </bpmn:endEvent>
              </bpmn:process>
              <bpmndi:BPMNDiagram id="BPMNDiagram_1">
                <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="Process_lead">
                  <bpmndi:BPMNShape id="StartEvent_1_di" bpmnElement="StartEvent_1"><dc:Bounds x="152" y="102" width="36" height="36" /></bpmndi:BPMNShape>
                  <bpmndi:BPMNShape id="Activity_review_di" bpmnElement="Activity_review"><dc:Bounds x="240" y="80" width="100" height="80" /></bpmndi:BPMNShape>
                  <bpmndi:BPMNShape id="Gateway_amount_di" bpmnElement="Gateway_amount" isMarkerVisible="true"><dc:Bounds x="395" y="95" width="50" height="50" /></bpmndi:BPMNShape>
                  <bpmndi:BPMNShape id="Activity_gm_di" bpmnElement="Activity_gm"><dc:Bounds x="500" y="200" width="100" height="80" /></bpmndi:BPMNShape>
                  <bpmndi:BPMNShape id="Event_done_di" bpmnElement="Event_done"><dc:Bounds x="662" y="102" width="36" height="36" /></bpmndi:BPMNShape>
                  <bpmndi:BPMNEdge id="Flow_a_di" bpmnElement="Flow_a"><di:waypoint x="188" y="120" /><di:waypoint x="240" y="120" /></bpmndi:BPMNEdge>
                  <bpmndi:BPMNEdge id="Flow_b_di" bpmnElement="Flow_b"><di:waypoint x="340" y="120" /><di:waypoint x="395" y="120" /></bpmndi:BPMNEdge>
                  <bpmndi:BPMNEdge id="Flow_large_di" bpmnElement="Flow_large"><di:waypoint x="420" y="145" /><di:waypoint x="420" y="240" /><di:waypoint x="500" y="240" /></bpmndi:BPMNEdge>
                  <bpmndi:BPMNEdge id="Flow_small_di" bpmnElement="Flow_small"><di:waypoint x="445" y="120" /><di:waypoint x="662" y="120" /></bpmndi:BPMNEdge>
                  <bpmndi:BPMNEdge id="Flow_c_di" bpmnElement="Flow_c"><di:waypoint x="600" y="240" /><di:waypoint x="680" y="240" /><di:waypoint x="680" y="138" /></bpmndi:BPMNEdge>
                </bpmndi:BPMNPlane>
              </bpmndi:BPMNDiagram>
            </bpmn:definitions>
            """;
}
