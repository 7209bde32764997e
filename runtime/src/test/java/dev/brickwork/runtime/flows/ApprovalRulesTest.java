package dev.brickwork.runtime.flows;

import dev.brickwork.runtime.AsAdmin;
import dev.brickwork.runtime.Login;
import dev.brickwork.runtime.admin.People;
import dev.brickwork.testing.TestDatabase;
import dev.brickwork.workflow.engine.OpenTask;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static dev.brickwork.runtime.flows.ApprovalWorld.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

/**
 * Who an approval goes to, what a timeout does, the notifications inbox, a decision's place on the timeline and the
 * decision bodies that are refused. Requests (a form with a user field) go through one flow whose branch, chosen by
 * the request's {@code rule}, holds one approval per approver rule and per timeout action; the seed's contracts
 * ({@link ApprovalWorld}) serve the decision cases.
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
        Person leaver = person("leaver", "[]", null);
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
        Person leaver = person("leaver", "[]", staff.team);
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
        List<Map<String, Object>> steps = details(People.asAdmin(), "request", request);
        assertThat(indexOf(steps, "task", "slow_escalate")).isLessThan(indexOf(steps, "timeout", "slow_escalate"));
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
        List<Map<String, Object>> steps = details(People.asAdmin(), "request", request);
        int secondTask = indexOf(steps, "task", "second_look");
        int update = actions.indexOf("flow.update");
        int decision = indexOf(steps, "approved", "first_look");
        assertThat(secondTask).isNotNegative().isLessThan(update);
        assertThat(update).isLessThan(decision);
        read(request).body("fields.outcome", equalTo("reviewed"));
    }

    @Test
    void notificationsAreNewestFirstAndWhatWasReadLeavesTheUnreadList() {
        // given: two requests wait for a new reviewer, each announced to her
        Person nora = person("nora", "[]", null);
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
        Person nora = person("nora", "[]", null);
        Person nick = person("nick", "[]", null);
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

    @Test
    void theManagersDecisionIsOlderOnTheTimelineThanTheDirectorsTasksItOpened() {
        // given
        String contract = world.contract("Timeline deal", "180000");
        world.submit(world.rep, contract).statusCode(200);

        // when
        world.decide(world.manager, world.taskOn(world.manager, contract), "approve", "within budget").statusCode(200)
                .body("record.approval", equalTo("pending"));

        // then: newest first, so both directors' new tasks come before the decision that opened them
        List<Map<String, Object>> details = details(as(world.rep), "contract", contract);
        int decision = indexOf(details, "approved", "manager");
        assertThat(decision).isNotNegative();
        assertThat(details.get(decision)).containsEntry("comment", "within budget");
        List<Integer> directorTasks = IntStream.range(0, details.size())
                .filter(i -> "task".equals(details.get(i).get("event")) && "directors".equals(details.get(i).get("node")))
                .boxed().toList();
        assertThat(directorTasks).hasSize(2).allSatisfy(i -> assertThat(i).isLessThan(decision));
    }

    @Test
    void aTooLongCommentOrAnUnknownPropertyIsRefusedAndTheTaskStaysOpen() {
        // given
        String contract = world.contract("Wordy deal", "40000");
        world.submit(world.rep, contract).statusCode(200);
        String task = world.taskOn(world.manager, contract);

        // when / then
        world.decide(world.manager, task, "reject", "x".repeat(2001)).statusCode(422)
                .contentType("application/problem+json").body("errors[0].pointer", equalTo("/comment"))
                .body("errors[0].code", equalTo("COMMENT_TOO_LONG"));
        as(world.manager).body("{\"comment\": \"fine\", \"urgent\": true}").post("/api/v1/tasks/" + task + "/approve").then()
                .statusCode(422).body("errors[0].pointer", equalTo("/urgent")).body("errors[0].code", equalTo("PROPERTY_UNKNOWN"));

        // then: nothing was decided
        assertThat(world.taskOn(world.manager, contract)).isEqualTo(task);
        world.record(contract).body("approval", equalTo("pending"));
        assertThat(details(as(world.rep), "contract", contract)).extracting(d -> d.get("event"))
                .doesNotContain("approved", "rejected");

        // when / then: 2000 characters are allowed
        world.decide(world.manager, task, "reject", "y".repeat(2000)).statusCode(200).body("record.approval", equalTo("rejected"));
        List<Map<String, Object>> details = details(as(world.rep), "contract", contract);
        assertThat(details.get(indexOf(details, "rejected", "manager")).get("comment")).isEqualTo("y".repeat(2000));
    }

    @Test
    void aTaskCannotBeTransferredToItsOwnAssignee() {
        // given
        String contract = world.contract("Boomerang deal", "40000");
        world.submit(world.rep, contract).statusCode(200);
        String task = world.taskOn(world.manager, contract);

        // when / then
        as(world.manager).body("{\"to\": \"" + world.managerId + "\"}").post("/api/v1/tasks/" + task + "/transfer").then()
                .statusCode(422).contentType("application/problem+json").body("errors[0].pointer", equalTo("/to"))
                .body("errors[0].code", equalTo("TRANSFER_TO_SELF"));

        // then
        assertThat(world.taskOn(world.manager, contract)).isEqualTo(task);
        world.record(contract).body("approval", equalTo("pending"));
        assertThat(details(as(world.rep), "contract", contract)).extracting(d -> d.get("event")).doesNotContain("transferred");
    }

    @Test
    void aDecidedTaskCannotBeDecidedOrTransferredAgainAndTheFlowGoesOnUnchanged() {
        // given: the manager approved a large contract, so both directors wait
        String contract = world.contract("Twice deal", "160000");
        world.submit(world.rep, contract).statusCode(200);
        String task = world.taskOn(world.manager, contract);
        world.decide(world.manager, task, "approve", null).statusCode(200).body("record.approval", equalTo("pending"));
        String sales = world.taskOn(world.salesDirector, contract);
        String finance = world.taskOn(world.financeDirector, contract);

        // when / then
        world.decide(world.manager, task, "reject", "changed my mind").statusCode(409).body("code", equalTo("TASK_CLOSED"));
        world.decide(world.manager, task, "approve", null).statusCode(409).body("code", equalTo("TASK_CLOSED"));
        String salesId = as(world.salesDirector).get("/api/v1/me").then().statusCode(200).extract().path("id");
        as(world.manager).body("{\"to\": \"" + salesId + "\"}").post("/api/v1/tasks/" + task + "/transfer").then()
                .statusCode(409).body("code", equalTo("TASK_CLOSED"));

        // then
        world.record(contract).body("approval", equalTo("pending"));
        assertThat(world.taskOn(world.salesDirector, contract)).isEqualTo(sales);
        assertThat(world.taskOn(world.financeDirector, contract)).isEqualTo(finance);
        assertThat(details(as(world.rep), "contract", contract)).extracting(d -> d.get("event"))
                .containsOnlyOnce("approved").doesNotContain("rejected", "transferred");
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

    private static List<String> inbox(Person person, String record) {
        return as(person.token()).get("/api/v1/tasks?assignee=me").then().statusCode(200)
                .extract().path("items.findAll { it.record.id == '" + record + "' }.id");
    }

    private void fireTimers(String record) {
        assertThat(engines.blockingEngine().fireTimers(record)).isEqualTo(1);
        effects.drainAll().await().atMost(Duration.ofSeconds(30));
    }

    /** The detail of the request's one timeout entry. */
    private static Map<String, Object> timeout(String request) {
        List<Map<String, Object>> timeouts = details(People.asAdmin(), "request", request).stream()
                .filter(d -> "timeout".equals(d.get("event"))).toList();
        assertThat(timeouts).hasSize(1);
        return timeouts.get(0);
    }

    private static List<Map<String, Object>> notifications(Person person, String query) {
        return as(person.token()).get("/api/v1/notifications" + query).then().statusCode(200).extract().path("items");
    }

    /** Each timeline entry's detail, newest first (empty for entries without one). */
    private static List<Map<String, Object>> details(RequestSpecification caller, String form, String record) {
        return caller.get(world.base + form + "/records/" + record + "/timeline").then().statusCode(200)
                .extract().path("items.collect { it.detail == null ? [:] : it.detail }");
    }

    private static int indexOf(List<Map<String, Object>> details, String event, String node) {
        for (int i = 0; i < details.size(); i++) {
            if (event.equals(details.get(i).get("event")) && node.equals(details.get(i).get("node"))) {
                return i;
            }
        }
        return -1;
    }

    private record Person(String id, String token) {
    }

    private static Person person(String name, String roles, String department) {
        String username = People.unique(name);
        String id = People.createUser(username, name + "-pass-1", roles, department);
        return new Person(id, Login.token(username, name + "-pass-1"));
    }

    /**
     * The people approver rules choose from: the chief manages HQ; the lead manages Team below it, of which he,
     * alice, bob and a disabled user are members; alice, dave (in no department) and the disabled user hold the
     * reviewers' role.
     */
    private static final class Staff {
        final String role = People.defineRole(People.unique("reviewers"));
        final Person chief = person("chief", "[]", null);
        final String hq = department("HQ", null, chief.id());
        final Person lead = person("lead", "[]", null);
        final String team = department("Team", hq, lead.id());
        final Person alice = person("alice", "[\"" + role + "\"]", team);
        final Person bob = person("bob", "[]", team);
        final Person dave = person("dave", "[\"" + role + "\"]", null);
        final String goneId = People.createUser(People.unique("gone"), "gone-pass-1", "[\"" + role + "\"]", team);

        Staff() {
            People.asAdmin().body("{\"department\": \"" + team + "\"}").patch("/api/v1/admin/users/" + lead.id()).then()
                    .statusCode(200);
            People.asAdmin().body("{\"disabled\": true}").patch("/api/v1/admin/users/" + goneId).then().statusCode(200);
        }

        private static String department(String name, String parent, String manager) {
            return People.asAdmin().body("{\"name\": \"" + People.unique(name) + "\", \"parent\": "
                            + (parent == null ? "null" : "\"" + parent + "\"") + ", \"manager\": \"" + manager + "\"}")
                    .post("/api/v1/admin/departments").then().statusCode(201).extract().path("id");
        }
    }
}
