package dev.brickwork.designer;

import dev.brickwork.designer.form.PublishListener;
import dev.brickwork.testing.Db;
import dev.brickwork.testing.Design;
import dev.brickwork.testing.Fixtures;
import dev.brickwork.testing.RecordedPublishes;
import dev.brickwork.testing.TestDatabase;
import dev.brickwork.testing.TestFlowEnvironment;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * Publishing flows: checked again, deployed, stored as immutable versions, or refused with nothing written or
 * deployed. Tests marked "needs the plan" go through {@code FlowPlans}, {@code FlowPlanJson} or {@code UploadedFlows}.
 */
@QuarkusTest
@WithTestResource(TestDatabase.class)
@TestSecurity(user = "designer", roles = "admin")
class FlowPublishTest {

    @Inject
    TestFlowEnvironment engine;

    @Inject
    RecordedPublishes publishes;

    @AfterEach
    void restoreRoles() {
        engine.roles(TestFlowEnvironment.DEFAULT_ROLES);
    }

    /** The docs/spec.md §5 example under another flow key, so that each test sees only its own deployments. */
    private static String contractApproval(String key) {
        return Fixtures.flow("contract_approval").replace("\"key\": \"contract_approval\"", "\"key\": \"" + key + "\"");
    }

    private static long versions(String app) {
        return Db.count("SELECT count(*) FROM brickwork.flow_versions v JOIN brickwork.flows f ON f.id = v.flow_id"
                + " JOIN brickwork.apps a ON a.id = f.app_id WHERE a.app_key = ?", app);
    }

    @Test
    void publishesTheSpecExampleAsVersionOneThenTwo() { // needs the plan
        // given
        Design.appWithContracts("flow_pub");
        Design.saveFlow("flow_pub", "pub_spec", contractApproval("pub_spec")).statusCode(200)
                .body("problems.size()", equalTo(0));

        // when
        String first = Design.publishFlow("flow_pub", "pub_spec").statusCode(200)
                .body("version", equalTo(1))
                .body("dryRun", equalTo(false))
                .body("processDefinitionId", startsWith("pub_spec:1:"))
                .body("bpmn", containsString("<process id=\"pub_spec\""))
                .extract().path("processDefinitionId");
        Design.publishFlow("flow_pub", "pub_spec").statusCode(200).body("version", equalTo(2));

        // then
        assertThat(versions("flow_pub")).isEqualTo(2);
        assertThat(engine.deployed("pub_spec")).hasSize(2)
                .allSatisfy(plan -> assertThat(plan.form()).isEqualTo("contract"));
        given().get("/api/v1/design/apps/flow_pub/flows/pub_spec").then().statusCode(200)
                .body("currentVersion", equalTo(2))
                .body("versions.version", contains(1, 2))
                .body("versions[0].processDefinitionId", equalTo(first));
        given().get("/api/v1/design/apps/flow_pub/flows/pub_spec/versions/1").then().statusCode(200)
                .body("format", equalTo("json"))
                .body("definition.nodes[0].key", equalTo("manager"))
                .body("binding.form", equalTo("contract"))
                .body("binding.trigger.on", equalTo("submit"))
                .body("bpmn", containsString("pub_spec"))
                .body("processDefinitionId", equalTo(first))
                .body("deploymentId", notNullValue());
        given().get("/api/v1/design/apps/flow_pub/flows/pub_spec/versions/2/bpmn").then().statusCode(200)
                .contentType("application/xml")
                .body(containsString("<process id=\"pub_spec\""));
        given().get("/api/v1/design/apps/flow_pub").then().body("flows.currentVersion", contains(2));
        assertThat(publishes.flows("flow_pub")).extracting(PublishListener.FlowPublished::version).containsExactly(1, 2);
        assertThat(publishes.flows("flow_pub").get(0)).satisfies(event -> {
            assertThat(event.processDefinitionId()).isEqualTo(first);
            assertThat(event.formKey()).isEqualTo("contract");
            assertThat(event.byName()).isEqualTo("designer");
            assertThat(event.uploaded()).isFalse();
        });
    }

    @Test
    void refusesADraftWithProblemsAndWritesOrDeploysNothing() {
        // given
        Design.appWithContracts("flow_bad");
        Design.saveFlow("flow_bad", "bad", Fixtures.flow("contract_approval.broken")
                .replace("\"key\": \"contract_approval\"", "\"key\": \"bad\"")).statusCode(200);
        List<List<String>> before = Db.snapshot();

        // when
        Design.publishFlow("flow_bad", "bad").statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("DEFINITION_INVALID"))
                .body("errors.pointer", contains("/nodes/0/approvers", "/nodes/1/approvers/0/role",
                        "/nodes/2/branches/0/when", "/nodes/2/branches/1/nodes/0/type", "/onApproved/set/colour"))
                .body("errors.code", contains("APPROVERS_EMPTY", "ROLE_UNKNOWN", "EXPR_UNKNOWN_FIELD", "NODE_TYPE_UNKNOWN",
                        "SET_FIELD_UNKNOWN"))
                .body("errors.severity", hasItem("error"))
                .body(not(containsString("discount >")))
                .body(not(containsString("Exception")));
        Design.dryRunFlow("flow_bad", "bad").statusCode(422);

        // then
        assertThat(Db.snapshot()).isEqualTo(before);
        assertThat(versions("flow_bad")).isZero();
        assertThat(engine.deployed("bad")).isEmpty();
    }

    @Test
    void checksTheRolesAgainWhenPublishing() {
        // given: a draft that was clean when saved
        Design.appWithContracts("flow_roles");
        Design.saveFlow("flow_roles", "roles_now", contractApproval("roles_now")).statusCode(200)
                .body("problems.size()", equalTo(0));
        engine.roles(Set.of("sales_director"));
        List<List<String>> before = Db.snapshot();

        // when
        Design.publishFlow("flow_roles", "roles_now").statusCode(422)
                .body("errors.pointer", contains("/nodes/1/branches/0/nodes/0/approvers/1/role"))
                .body("errors.code", contains("ROLE_UNKNOWN"));

        // then
        assertThat(Db.snapshot()).isEqualTo(before);
        assertThat(engine.deployed("roles_now")).isEmpty();
    }

    @Test
    void aFlowOnAFormWithoutAPublishedVersionIsNotPublished() {
        Design.createApp("flow_noform").statusCode(201);
        Design.saveFlow("flow_noform", "contract_approval", Fixtures.flow("contract_approval")).statusCode(200)
                .body("problems.pointer", contains("/form"))
                .body("problems.code", contains("FLOW_FORM_UNPUBLISHED"));
        List<List<String>> before = Db.snapshot();

        Design.publishFlow("flow_noform", "contract_approval").statusCode(422)
                .body("errors.pointer", contains("/form"));

        assertThat(Db.snapshot()).isEqualTo(before);
    }

    @Test
    void aDryRunShowsTheBpmnAndWritesAndDeploysNothing() { // needs the plan
        // given
        Design.appWithContracts("flow_dry");
        Design.saveFlow("flow_dry", "dry", contractApproval("dry")).statusCode(200);
        List<List<String>> before = Db.snapshot();

        // when
        Design.dryRunFlow("flow_dry", "dry").statusCode(200)
                .body("dryRun", equalTo(true))
                .body("version", equalTo(1))
                .body("processDefinitionId", nullValue())
                .body("bpmn", containsString("<process id=\"dry\""));

        // then
        assertThat(Db.snapshot()).isEqualTo(before);
        assertThat(engine.deployed("dry")).isEmpty();
        assertThat(publishes.flows("flow_dry")).isEmpty();
    }

    @Test
    void aDeploymentTheEngineRefusesWritesNothing() { // needs the plan
        // given
        Design.appWithContracts("flow_fail");
        Design.saveFlow("flow_fail", "refused", contractApproval("refused")).statusCode(200);
        engine.failDeploying("refused");
        List<List<String>> before = Db.snapshot();

        try {
            // when
            Design.publishFlow("flow_fail", "refused").statusCode(502)
                    .contentType("application/problem+json")
                    .body("code", equalTo("FLOW_DEPLOY_FAILED"))
                    .body(not(containsString("IllegalStateException")))
                    .body(not(containsString("refused refused")));

            // then
            assertThat(Db.snapshot()).isEqualTo(before);
            assertThat(publishes.flows("flow_fail")).isEmpty();
        } finally {
            engine.deployNormally("refused");
        }
        Design.publishFlow("flow_fail", "refused").statusCode(200).body("version", equalTo(1));
    }

    @Test
    void readsAPublishedVersionAndServesItsBpmnAsXml() {
        // given: a version as a publish stores it, written directly so that this test needs no plan
        Design.appWithContracts("flow_read");
        Design.saveFlow("flow_read", "contract_approval", Fixtures.flow("contract_approval")).statusCode(200);
        String bpmn = new String(Fixtures.bpmn("contract_upload"), java.nio.charset.StandardCharsets.UTF_8);
        Db.execute("INSERT INTO brickwork.flow_versions (id, flow_id, number, form_key, trigger, definition, bpmn, plan,"
                + " deployment_id, process_definition_id) SELECT gen_random_uuid(), f.id, 1, 'contract',"
                + " '{\"on\": \"submit\"}', f.draft, ?, '{}', 'd-1', 'flow_read:1:x'"
                + " FROM brickwork.flows f JOIN brickwork.apps a ON a.id = f.app_id WHERE a.app_key = 'flow_read'", bpmn);
        Db.execute("UPDATE brickwork.flows SET current_version = 1 WHERE flow_key = 'contract_approval'"
                + " AND app_id = (SELECT id FROM brickwork.apps WHERE app_key = 'flow_read')");

        // when / then
        given().get("/api/v1/design/apps/flow_read/flows/contract_approval/versions/1").then().statusCode(200)
                .body("version", equalTo(1))
                .body("format", equalTo("json"))
                .body("definition.key", equalTo("contract_approval"))
                .body("binding.form", equalTo("contract"))
                .body("binding.trigger.on", equalTo("submit"))
                .body("bpmn", equalTo(bpmn))
                .body("processDefinitionId", equalTo("flow_read:1:x"));
        String served = given().get("/api/v1/design/apps/flow_read/flows/contract_approval/versions/1/bpmn").then()
                .statusCode(200)
                .contentType("application/xml")
                .header("Content-Disposition", containsString("contract_approval.v1.bpmn"))
                .extract().asString();
        assertThat(served).isEqualTo(bpmn);
        given().get("/api/v1/design/apps/flow_read/flows/contract_approval").then()
                .body("currentVersion", equalTo(1))
                .body("versions.form", contains("contract"));
        given().get("/api/v1/design/apps/flow_read").then().body("flows.currentVersion", contains(1));
    }

    @Test
    void publishesACleanUploadWithItsBinding() { // needs the plan (UploadedFlows)
        // given
        Design.appWithContracts("flow_upload");
        given().contentType("application/xml").queryParam("form", "contract").queryParam("on", "update")
                .queryParam("when", "amount > 0").body(Fixtures.bpmn("contract_upload"))
                .put("/api/v1/design/apps/flow_upload/flows/contract_upload/draft").then().statusCode(200)
                .body("problems.findAll { it.severity == 'error' }.size()", equalTo(0));

        // when
        Design.publishFlow("flow_upload", "contract_upload").statusCode(200).body("version", equalTo(1));

        // then
        given().get("/api/v1/design/apps/flow_upload/flows/contract_upload/versions/1").then().statusCode(200)
                .body("format", equalTo("bpmn"))
                .body("definition", nullValue())
                .body("binding.form", equalTo("contract"))
                .body("binding.trigger.on", equalTo("update"))
                .body("binding.trigger.when", equalTo("amount > 0"));
        assertThat(publishes.flows("flow_upload")).singleElement()
                .satisfies(event -> assertThat(event.uploaded()).isTrue());
    }
}
