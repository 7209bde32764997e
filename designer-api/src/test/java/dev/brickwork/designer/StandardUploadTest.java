package dev.brickwork.designer;

import dev.brickwork.testing.Db;
import dev.brickwork.testing.Design;
import dev.brickwork.testing.TestDatabase;
import dev.brickwork.testing.TestFlowEnvironment;
import dev.brickwork.workflow.model.Approver;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** A standard BPMN upload names its assignee by username: resolved to the user's id when saved and again at publish. */
@QuarkusTest
@WithTestResource(TestDatabase.class)
@TestSecurity(user = "designer", roles = "admin")
class StandardUploadTest {

    private static final String APP = "flow_std";
    private static final String USER_ID = "0d9f5a0e-8c1b-4e4c-a0a6-5e3c2b1a0f99";
    private static final String BPMN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                         id="d" targetNamespace="http://bpmn.io/schema/bpmn">
              <process id="Process_1" isExecutable="true">
                <startEvent id="start" camunda:formKey="embedded:app:forms/x.html"/>
                <sequenceFlow id="f1" sourceRef="start" targetRef="Activity_check"/>
                <userTask id="Activity_check" name="Check" camunda:assignee="lujing"/>
                <sequenceFlow id="f2" sourceRef="Activity_check" targetRef="end"/>
                <endEvent id="end"/>
              </process>
            </definitions>
            """;

    @Inject
    TestFlowEnvironment engine;

    @AfterEach
    void forgetUsers() {
        engine.users(Map.of());
    }

    @Test
    void resolvesTheAssigneesUsernameAndWarnsAboutTheFormKey() {
        // given
        Design.appWithContracts(APP);
        engine.users(Map.of("lujing", USER_ID));

        // when
        Design.uploadFlow(APP, "by_name", "contract", "submit", BPMN.getBytes(StandardCharsets.UTF_8)).statusCode(200)
                .body("problems.pointer", hasItem("/bpmn/start"))
                .body("problems.severity", not(hasItem("error")));
        Design.publishFlow(APP, "by_name").statusCode(200);

        // then
        assertThat(engine.deployed("by_name")).singleElement().satisfies(plan -> {
            assertThat(plan.approvals().get("activity_check").approvers()).containsExactly(new Approver.User(USER_ID));
            assertThat(plan.bpmn()).contains("<process id=\"by_name\"").doesNotContain("formKey");
        });
    }

    @Test
    void aUsernameNoUserHasByPublishTimeIsAProblemAtTheTaskAndPublishesNothing() {
        // given: saved while the user existed
        Design.appWithContracts(APP + "_gone");
        engine.users(Map.of("lujing", USER_ID));
        Design.uploadFlow(APP + "_gone", "gone", "contract", "submit", BPMN.getBytes(StandardCharsets.UTF_8))
                .statusCode(200).body("problems.severity", not(hasItem("error")));
        engine.users(Map.of());

        // when
        Design.publishFlow(APP + "_gone", "gone").statusCode(422)
                .body("errors.pointer", hasItem("/bpmn/Activity_check"))
                .body("errors.code", hasItem("UPLOAD_USER_UNKNOWN"));

        // then
        assertThat(engine.deployed("gone")).isEmpty();
        assertThat(Db.count("SELECT count(*) FROM brickwork.flow_versions v JOIN brickwork.flows f ON f.id = v.flow_id"
                + " WHERE f.flow_key = 'gone'")).isZero();
    }
}
