package dev.brickwork.runtime.flows;

import dev.brickwork.runtime.AsAdmin;
import dev.brickwork.runtime.admin.People;
import dev.brickwork.testing.TestDatabase;
import dev.brickwork.workflow.engine.OpenTask;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.brickwork.runtime.flows.ApprovalWorld.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

/**
 * Who an approval goes to, what a timeout does, where a step's record change shows on the timeline, and the
 * notifications inbox. Requests (a form with a user field) go through one flow whose branch, chosen by the request's
 * {@code rule}, holds one approval per approver rule and per timeout action ({@link Staff} are the people).
 */
@QuarkusTest
@WithTestResource(TestDatabase.class)
class ApprovalRulesTest {

    private static final String REQUEST_FORM = """
            {"schemaVersion": 1, "key": "request", "label": "Request", "titleField": "title",
             "fields": [
               {"key": "title", "type": "text", "required": true, "maxLength": 200},
               {"key": "rule", "type": "text"},
               {"key": "reviewer", "type": "user"},
               {"key": "outcome", "type": "text"}]}
            """;

    /** %1$s alice, %2$s the disabled user, %3$s the reviewers' role, %4$s the team department. */
    private static final String RULES_FLOW = """
            {"schemaVersion": 1, "key": "request_rules", "form": "request", "trigger": {"on": "submit"},
             "nodes": [{"type": "branch", "branches": [
               {"when": "rule = 'users'", "nodes": [{"type": "approval", "key": "by_users",
                 "approvers": [{"user": "%1$s"}, {"user": "%2$s"}]}]},
               {"when": "rule = 'role'", "nodes": [{"type": "approval", "key": "by_role", "approvers": [{"role": "%3$s"}]}]},
               {"when": "rule = 'field'", "nodes": [{"type": "approval", "key": "by_field", "approvers": [{"field": "reviewer"}]}]},
               {"when": "rule = 'manager'", "nodes": [{"type": "approval", "key": "by_manager",
                 "approvers": [{"managerOf": "reviewer"}]}]},
               {"when": "rule = 'department'", "nodes": [{"type": "approval", "key": "by_department",
                 "approvers": [{"department": "%4$s"}]}]},
               {"when": "rule = 'timeout_approve'", "nodes": [{"type": "approval", "key": "slow_approve",
                 "approvers": [{"field": "reviewer"}], "timeout": {"after": "P1D", "action": "approve"}}]},
               {"when": "rule = 'timeout_reject'", "nodes": [{"type": "approval", "key": "slow_reject",
                 "approvers": [{"field": "reviewer"}], "timeout": {"after": "P1D", "action": "reject"}}]},
               {"when": "rule = 'timeout_escalate'", "nodes": [{"type": "approval", "key": "slow_escalate",
                 "approvers": [{"field": "reviewer"}],
                 "timeout": {"after": "P1D", "action": "escalate", "to": [{"managerOf": "reviewer"}]}}]},
               {"when": "rule = 'update_between'", "nodes": [
                 {"type": "approval", "key": "first_look", "approvers": [{"field": "reviewer"}]},
                 {"type": "update", "set": {"outcome": "reviewed"}},
                 {"type": "approval", "key": "second_look", "approvers": [{"field": "reviewer"}]}]},
               {"otherwise": true, "nodes": []}]}],
             "onApproved": {"set": {"outcome": "approved"}}, "onRejected": {"set": {"outcome": "rejected"}}}
            """;

    private static ApprovalWorld world;
    private static Staff staff;

    @Inject
    FlowEngines engines;

    @Inject
    FlowEffects effects;

    @BeforeEach
    void setUp() {
        AsAdmin.signOut();
        if (world == null) {
            world = new ApprovalWorld("flow_rules");
            staff = new Staff();
            People.asAdmin().body(REQUEST_FORM).put("/api/v1/design/apps/" + world.app + "/forms/request/draft").then()
                    .statusCode(200);
            People.asAdmin().post("/api/v1/design/apps/" + world.app + "/forms/request/publish").then().statusCode(200);
            world.publishFlow("request_rules", RULES_FLOW.formatted(staff.alice.id(), staff.goneId, staff.role, staff.team));
        }
    }

    @Test
    void explicitUsersGetTheTaskButADisabledOneIsSkipped() {
        // when
        String request = submitted("users", null);

        // then
        assertThat(assignees(request)).containsExactly(staff.alice.id());
        as(staff.alice.token()).get("/api/v1/tasks?assignee=me").then().statusCode(200)
                .body("items.find { it.record.id == '" + request + "' }.step", equalTo("by_users"));
        assertThat(inbox(staff.bob, request)).isEmpty();
    }

    @Test
    void aRoleGoesToEveryActiveHolderOfIt() {
        // when
        String request = submitted("role", null);

        // then: alice and dave hold the role, the disabled holder and bob (without it) get nothing
        assertThat(assignees(request)).containsExactlyInAnyOrder(staff.alice.id(), staff.dave.id());
        assertThat(inbox(staff.alice, request)).hasSize(1);
        assertThat(inbox(staff.dave, request)).hasSize(1);
        assertThat(inbox(staff.bob, request)).isEmpty();
    }

    @Test
    void aFieldGoesToTheUserInIt() {
        // when
        String request = submitted("field", staff.bob.id());

        // then
        assertThat(assignees(request)).containsExactly(staff.bob.id());
        assertThat(inbox(staff.bob, request)).hasSize(1);
        assertThat(inbox(staff.alice, request)).isEmpty();
    }

    @Test
    void aFieldWhoseUserWasDisabledLeavesNoApproverAndTheRequestAsItWas() {
        // given: a reviewer disabled after the request was written
        Staff.Person leaver = Staff.person("leaver", "[]", null);
        String orphan = request("field", leaver.id());
        People.asAdmin().body("{\"disabled\": true}").patch("/api/v1/admin/users/" + leaver.id()).then().statusCode(200);

        // when / then: nobody may decide, so the submit is refused and the request stays as it was
        submit(orphan).statusCode(409).body("code", equalTo("NO_APPROVERS"))
                .body("errors[0].pointer", equalTo("/nodes/by_field"));
        read(orphan).body("approval", equalTo("none"));
        People.asAdmin().get(world.base + "request/records/" + orphan + "/timeline").then().statusCode(200)
                .body("items.find { it.detail.event == 'no-approvers' }.detail.node", equalTo("by_field"));
    }

    @Test
    void anApprovalEndsEvenWhenAUserNamedInTheRecordWasDisabledMeanwhile() {
        // given
        Staff.Person leaver = Staff.person("leaver", "[]", staff.team);
        String request = submitted("manager", leaver.id());
        People.asAdmin().body("{\"disabled\": true}").patch("/api/v1/admin/users/" + leaver.id()).then().statusCode(200);

        // when
        world.decide(staff.lead.token(), world.taskOn(staff.lead.token(), request), "approve", null).statusCode(200)
                .body("record.approval", equalTo("approved"));

        // then
        read(request).body("approval", equalTo("approved")).body("fields.outcome", equalTo("approved"));
    }

    @Test
    void managerOfGoesToTheManagerOfTheUsersDepartmentOrTheOneAboveForAManager() {
        // when
        String ofMember = submitted("manager", staff.bob.id());
        String ofManager = submitted("manager", staff.lead.id());

        // then: bob's department is managed by the lead; the lead's own manager is the chief of the department above
        assertThat(assignees(ofMember)).containsExactly(staff.lead.id());
        assertThat(inbox(staff.lead, ofMember)).hasSize(1);
        assertThat(inbox(staff.chief, ofMember)).isEmpty();
        assertThat(assignees(ofManager)).containsExactly(staff.chief.id());
        assertThat(inbox(staff.chief, ofManager)).hasSize(1);
        assertThat(inbox(staff.lead, ofManager)).isEmpty();
    }

    @Test
    void aDepartmentGoesToItsActiveMembersOnly() {
        // when
        String request = submitted("department", null);

        // then: the team is the lead, alice, bob and a disabled member; the chief and dave are elsewhere
        assertThat(assignees(request)).containsExactlyInAnyOrder(staff.lead.id(), staff.alice.id(), staff.bob.id());
        assertThat(inbox(staff.bob, request)).hasSize(1);
        assertThat(inbox(staff.chief, request)).isEmpty();
        assertThat(inbox(staff.dave, request)).isEmpty();
    }

    @Test
    void aTimeoutThatApprovesApprovesTheRecordAndClosesTheTask() {
        // given
        String request = submitted("timeout_approve", staff.bob.id());
        String task = world.taskOn(staff.bob.token(), request);

        // when
        fireTimers(request);

        // then
        read(request).body("approval", equalTo("approved")).body("fields.outcome", equalTo("approved"));
        assertThat(inbox(staff.bob, request)).isEmpty();
        world.decide(staff.bob.token(), task, "reject", null).statusCode(409).body("code", equalTo("TASK_CLOSED"));
        assertThat(timeout(request)).containsEntry("node", "slow_approve").containsEntry("timeoutAction", "approve");
    }

    @Test
    void aTimeoutThatRejectsRejectsTheRecord() {
        // given
        String request = submitted("timeout_reject", staff.bob.id());

        // when
        fireTimers(request);

        // then
        read(request).body("approval", equalTo("rejected")).body("fields.outcome", equalTo("rejected"));
        assertThat(inbox(staff.bob, request)).isEmpty();
        assertThat(engines.blockingEngine().running(request)).isFalse();
        assertThat(timeout(request)).containsEntry("node", "slow_reject").containsEntry("timeoutAction", "reject");
    }

    @Test
    void aTimeoutThatEscalatesHandsTheTaskToTheManagerWhoThenDecides() {
        // given
        String request = submitted("timeout_escalate", staff.bob.id());
        String task = world.taskOn(staff.bob.token(), request);

        // when
        fireTimers(request);

        // then: the same task waits for bob's manager, who is told; the request still waits
        assertThat(inbox(staff.bob, request)).isEmpty();
        assertThat(world.taskOn(staff.lead.token(), request)).isEqualTo(task);
        read(request).body("approval", equalTo("pending"));
        as(staff.lead.token()).get("/api/v1/notifications").then().statusCode(200)
                .body("items.findAll { it.record == '" + request + "' }.kind", hasItems("escalation", "task"));
        assertThat(timeout(request)).containsEntry("timeoutAction", "escalate").containsEntry("escalatedTo", staff.lead.id());
        // newest first: the task handed to the lead, then the timeout that handed it over
        List<Map<String, Object>> steps = world.timeline(People.asAdmin(), "request", request);
        assertThat(ApprovalWorld.indexOf(steps, "task", "slow_escalate")).isLessThan(ApprovalWorld.indexOf(steps, "timeout", "slow_escalate"));
        world.decide(staff.bob.token(), task, "approve", null).statusCode(403).body("code", equalTo("TASK_NOT_YOURS"));
        world.decide(staff.lead.token(), task, "approve", "covering for bob").statusCode(200)
                .body("record.approval", equalTo("approved"));
    }

    @Test
    void anUpdateBetweenTwoApprovalsShowsOnTheTimelineWhereItHappened() {
        // given
        String request = submitted("update_between", staff.bob.id());

        // when: the first approval passes the update node and opens the second
        world.decide(staff.bob.token(), world.taskOn(staff.bob.token(), request), "approve", null).statusCode(200)
                .body("record.approval", equalTo("pending"));

        // then, newest first: the second task, the update, the decision that led to both
        List<String> actions = People.asAdmin().get(world.base + "request/records/" + request + "/timeline").then()
                .statusCode(200).extract().path("items.action");
        List<Map<String, Object>> steps = world.timeline(People.asAdmin(), "request", request);
        int secondTask = ApprovalWorld.indexOf(steps, "task", "second_look");
        int update = actions.indexOf("flow.update");
        int decision = ApprovalWorld.indexOf(steps, "approved", "first_look");
        assertThat(secondTask).isNotNegative().isLessThan(update);
        assertThat(update).isLessThan(decision);
        read(request).body("fields.outcome", equalTo("reviewed"));
    }

    @Test
    void notificationsAreNewestFirstAndWhatWasReadLeavesTheUnreadList() {
        // given: two requests wait for a new reviewer, each announced to her
        Staff.Person nora = Staff.person("nora", "[]", null);
        String first = submitted("field", nora.id());
        String second = submitted("field", nora.id());
        List<Map<String, Object>> all = notifications(nora, "");
        assertThat(all).extracting(n -> n.get("record")).containsExactly(second, first);
        assertThat(all).extracting(n -> n.get("kind")).containsOnly("task");
        assertThat(all.get(1).get("task")).isEqualTo(world.taskOn(nora.token(), first));

        // when
        as(nora.token()).post("/api/v1/notifications/" + all.get(1).get("id") + "/read").then().statusCode(204);

        // then
        assertThat(notifications(nora, "?unread=true")).extracting(n -> n.get("record")).containsExactly(second);
        assertThat(notifications(nora, "")).extracting(n -> n.get("read")).containsExactly(false, true);
        assertThat(notifications(nora, "?limit=1")).extracting(n -> n.get("record")).containsExactly(second);

        // when: everything is marked read
        as(nora.token()).post("/api/v1/notifications/read-all").then().statusCode(204);

        // then
        assertThat(notifications(nora, "?unread=true")).isEmpty();
        assertThat(notifications(nora, "")).hasSize(2);
    }

    @Test
    void aUserNeverSeesNorMarksAnotherUsersNotificationsAndBadInputIsAProblem() {
        // given
        Staff.Person nora = Staff.person("nora", "[]", null);
        Staff.Person nick = Staff.person("nick", "[]", null);
        submitted("field", nora.id());
        String hers = (String) notifications(nora, "").get(0).get("id");

        // when / then: nick sees nothing of hers and cannot mark it
        assertThat(notifications(nick, "")).isEmpty();
        as(nick.token()).post("/api/v1/notifications/" + hers + "/read").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("NOTIFICATION_NOT_FOUND"));
        assertThat(notifications(nora, "?unread=true")).extracting(n -> n.get("id")).containsExactly(hers);

        // when / then: unknown and malformed ids, and limits out of range
        for (String id : List.of("not-an-id", UUID.randomUUID().toString())) {
            as(nora.token()).post("/api/v1/notifications/" + id + "/read").then().statusCode(404)
                    .contentType("application/problem+json").body("code", equalTo("NOTIFICATION_NOT_FOUND"));
        }
        for (String bad : List.of("0", "201", "many", "-1")) {
            as(nora.token()).get("/api/v1/notifications?limit=" + bad).then().statusCode(422)
                    .contentType("application/problem+json").body("errors[0].pointer", equalTo("/limit"))
                    .body("errors[0].code", equalTo("LIMIT_INVALID")).body(not(containsString("many")));
        }
    }

    /** A request as the admin writes it; {@code reviewer} may be null. */
    private static String request(String rule, String reviewer) {
        return People.asAdmin().body("{\"fields\": {\"title\": \"" + People.unique(rule) + "\", \"rule\": \"" + rule + "\""
                        + (reviewer == null ? "" : ", \"reviewer\": \"" + reviewer + "\"") + "}}")
                .post(world.base + "request/records").then().statusCode(201).extract().path("id");
    }

    private static String submitted(String rule, String reviewer) {
        String request = request(rule, reviewer);
        submit(request).statusCode(200).body("approval", equalTo("pending"));
        return request;
    }

    private static ValidatableResponse submit(String request) {
        return People.asAdmin().post(world.base + "request/records/" + request + "/submit").then();
    }

    private static ValidatableResponse read(String request) {
        return People.asAdmin().get(world.base + "request/records/" + request).then().statusCode(200);
    }

    /** Who the engine has open tasks on the record for: the whole set, disabled users included if any. */
    private List<String> assignees(String record) {
        return engines.blockingEngine().tasksFor(record).stream().map(OpenTask::assignee).toList();
    }

    private static List<String> inbox(Staff.Person person, String record) {
        return as(person.token()).get("/api/v1/tasks?assignee=me").then().statusCode(200)
                .extract().path("items.findAll { it.record.id == '" + record + "' }.id");
    }

    private void fireTimers(String record) {
        assertThat(engines.blockingEngine().fireTimers(record)).isEqualTo(1);
        effects.drainAll().await().atMost(Duration.ofSeconds(30));
    }

    /** The detail of the request's one timeout entry. */
    private static Map<String, Object> timeout(String request) {
        List<Map<String, Object>> timeouts = world.timeline(People.asAdmin(), "request", request).stream()
                .filter(d -> "timeout".equals(d.get("event"))).toList();
        assertThat(timeouts).hasSize(1);
        return timeouts.get(0);
    }

    private static List<Map<String, Object>> notifications(Staff.Person person, String query) {
        return as(person.token()).get("/api/v1/notifications" + query).then().statusCode(200).extract().path("items");
    }
}
