package dev.brickwork.workflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brickwork.workflow.Fixtures;
import dev.brickwork.workflow.bpmn.FlowCompiler;
import dev.brickwork.workflow.read.FlowReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The engine on the real PostgreSQL, driven through {@link FlowEngine} with the docs/spec.md §5 contract flow: the two-step
 * approval, the idempotent start, closed tasks, and Brickwork SQL committing and rolling back with the engine's step.
 */
class FlowEngineTest {

    private static final String SCHEMA = "engine_flow_test";
    private static final RecordingHooks HOOKS = new RecordingHooks();
    private static FlowEngine engine;
    private static Deployment contract;

    @BeforeAll
    static void startEngine() {
        TestDatabase.freshSchema(SCHEMA);
        TestDatabase.freshSchema("engine_flow_test_data");
        TestDatabase.execute("CREATE SCHEMA engine_flow_test_data");
        TestDatabase.execute("CREATE TABLE engine_flow_test_data.markers (marker text NOT NULL)");
        engine = FlowEngine.start(TestDatabase.pool(), new EngineSettings(SCHEMA, false, () -> false), HOOKS);
        contract = engine.deploy("contract_approval", compiled(Fixtures.contractFlow()));
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    @BeforeEach
    void everyoneApproves() {
        HOOKS.approvers.put("manager", List.of("mia"));
        HOOKS.approvers.put("directors", List.of("sam", "fay"));
        HOOKS.conditions.clear();
        HOOKS.onActivity = call -> {
        };
    }

    static String compiled(JsonNode flow) {
        return FlowCompiler.compile(FlowReader.read(flow, Fixtures.context()).valid().orElseThrow()).xml();
    }

    private static String startFor(String record) {
        return engine.start(contract.processDefinitionId(), record, "start-" + record, Map.of(), TxWork.NONE);
    }

    private static OpenTask only(String record) {
        List<OpenTask> open = engine.tasksFor(record);
        assertThat(open).hasSize(1);
        return open.get(0);
    }

    private static long markers(String marker) {
        return ((Number) TestDatabase.queryOne("SELECT count(*) FROM engine_flow_test_data.markers WHERE marker = ?",
                marker)).longValue();
    }

    private static TxWork mark(String marker) {
        return connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO engine_flow_test_data.markers (marker) VALUES (?)")) {
                insert.setString(1, marker);
                insert.executeUpdate();
            }
        };
    }

    @Test
    void theInboxSaysWhenATasksTimeoutFiresAndNothingForANodeWithout() {
        // given: the manager's step times out after two days, the directors' has no timeout
        String record = UUID.randomUUID().toString();
        HOOKS.approvers.put("manager", List.of("inbox-mia"));
        HOOKS.approvers.put("directors", List.of("inbox-sam"));
        HOOKS.conditions.put("_2.0", true);
        startFor(record);

        // when
        OpenTask manager = engine.tasksOf("inbox-mia", 10).get(0);
        engine.decide(manager.id(), true, TaskWork.NONE);
        OpenTask director = engine.tasksOf("inbox-sam", 10).get(0);

        // then
        assertThat(manager.due()).isNotNull();
        assertThat(java.time.Duration.between(manager.created(), manager.due()).toMinutes())
                .isBetween(2 * 24 * 60 - 1L, 2 * 24 * 60 + 1L);
        assertThat(director.due()).isNull();
    }

    @Test
    void aLargeContractGoesFromTheManagerToBothDirectorsAndIsApproved() {
        // given
        String record = UUID.randomUUID().toString();
        HOOKS.conditions.put("_2.0", true);
        startFor(record);

        // when
        engine.decide(only(record).id(), true, TaskWork.NONE);
        List<OpenTask> directors = engine.tasksFor(record);
        assertThat(directors).extracting(OpenTask::node, OpenTask::assignee)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("directors", "sam"),
                        org.assertj.core.groups.Tuple.tuple("directors", "fay"));
        engine.decide(directors.get(0).id(), true, TaskWork.NONE);
        assertThat(engine.running(record)).isTrue();
        engine.decide(directors.get(1).id(), true, TaskWork.NONE);

        // then
        assertThat(engine.running(record)).isFalse();
        assertThat(HOOKS.activities).contains(record + ":_4", record + ":_onApproved")
                .doesNotContain(record + ":_onRejected");
        assertThat(HOOKS.tasksCreated).contains("manager:mia", "directors:sam", "directors:fay");
    }

    @Test
    void oneDirectorsRejectionRejectsTheContract() {
        // given
        String record = UUID.randomUUID().toString();
        HOOKS.conditions.put("_2.0", true);
        startFor(record);
        engine.decide(only(record).id(), true, TaskWork.NONE);

        // when
        List<OpenTask> directors = engine.tasksFor(record);
        OpenTask first = directors.get(0);
        engine.decide(first.id(), false, TaskWork.NONE);

        // then: the other director's task is gone with the flow, cancelled rather than decided
        assertThat(engine.running(record)).isFalse();
        assertThat(engine.tasksFor(record)).isEmpty();
        OpenTask other = directors.stream().filter(t -> !t.id().equals(first.id())).findFirst().orElseThrow();
        assertThat(engine.closed(other.id())).isEqualTo(FlowEngine.Closed.CANCELLED);
        assertThat(engine.closed(first.id())).isEqualTo(FlowEngine.Closed.DECIDED);
        assertThat(HOOKS.activities).contains(record + ":_onRejected").doesNotContain(record + ":_onApproved");
    }

    @Test
    void aSmallContractIsApprovedByTheManagerAlone() {
        // given
        String record = UUID.randomUUID().toString();
        startFor(record);

        // when
        engine.decide(only(record).id(), true, TaskWork.NONE);

        // then
        assertThat(engine.running(record)).isFalse();
        assertThat(HOOKS.activities).contains(record + ":_onApproved");
    }

    @Test
    void startingTwiceWithOneStartIdStartsOneFlowAndRunsTheWorkBothTimes() {
        // given
        String record = UUID.randomUUID().toString();
        String first = engine.start(contract.processDefinitionId(), record, "s-" + record, Map.of(), mark(record));

        // when: the outbox delivers again; the engine writes nothing, only our work does
        String second = engine.start(contract.processDefinitionId(), record, "s-" + record, Map.of(), mark(record));

        // then
        assertThat(second).isEqualTo(first);
        assertThat(engine.tasksFor(record)).hasSize(1);
        assertThat(markers(record)).isEqualTo(2);
    }

    @Test
    void workThatFailsWhereTheEngineWroteNothingIsRolledBack() {
        // given: a flow already started, so a second start only finds it
        String record = UUID.randomUUID().toString();
        engine.start(contract.processDefinitionId(), record, "s-" + record, Map.of(), TxWork.NONE);

        // when: the work writes, then fails
        TxWork writesThenFails = connection -> {
            mark(record).run(connection);
            throw new IllegalStateException("refused after writing");
        };

        // then: the caller gets its own exception and the row is gone (MyBatis alone would not roll back)
        assertThatThrownBy(() -> engine.start(contract.processDefinitionId(), record, "s-" + record, Map.of(),
                writesThenFails)).isInstanceOf(IllegalStateException.class).hasMessage("refused after writing");
        assertThat(markers(record)).isZero();
    }

    @Test
    void aDecisionWhoseWorkFailsLeavesTheTaskOpenAndWritesNothing() {
        // given
        String record = UUID.randomUUID().toString();
        startFor(record);
        OpenTask task = only(record);

        // when
        TaskWork failing = (open, connection) -> {
            mark(record).run(connection);
            throw new java.sql.SQLException("constraint", "23505");
        };

        // then
        assertThatThrownBy(() -> engine.decide(task.id(), true, failing))
                .isInstanceOfSatisfying(FlowEngineException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowEngineException.Code.TX_WORK_FAILED));
        assertThat(only(record).id()).isEqualTo(task.id());
        assertThat(markers(record)).isZero();
    }

    @Test
    void eachStepAsksForItsApproversOnce() {
        // given: the directors' step has two approvers, so the engine reads its collection three times
        String record = UUID.randomUUID().toString();
        HOOKS.conditions.put("_2.0", true);
        startFor(record);

        // when
        engine.decide(only(record).id(), true, TaskWork.NONE);

        // then
        assertThat(HOOKS.approversAsked).filteredOn(asked -> asked.startsWith(record + ":"))
                .containsExactly(record + ":manager", record + ":directors");
        assertThat(engine.tasksFor(record)).hasSize(2);
    }

    @Test
    void theWorkSeesTheOpenTaskBeforeTheEngineActsAndMayRefuseIt() {
        // given
        String record = UUID.randomUUID().toString();
        HOOKS.conditions.put("_2.0", true);
        startFor(record);
        OpenTask task = only(record);
        List<OpenTask> seen = new ArrayList<>();
        int tasksBefore = HOOKS.tasksCreated.size();

        // when: the work looks at the task, writes, then refuses
        assertThatThrownBy(() -> engine.decide(task.id(), true, (open, connection) -> {
            seen.add(open);
            mark(record).run(connection);
            throw new IllegalStateException("not yours");
        })).isInstanceOf(IllegalStateException.class).hasMessage("not yours");

        // then: it saw the task with its record, and the flow never moved (no next step was reached)
        assertThat(seen).singleElement().satisfies(open -> {
            assertThat(open.id()).isEqualTo(task.id());
            assertThat(open.businessKey()).isEqualTo(record);
            assertThat(open.assignee()).isEqualTo(task.assignee());
        });
        assertThat(markers(record)).isZero();
        assertThat(only(record).id()).isEqualTo(task.id());
        assertThat(HOOKS.tasksCreated.subList(tasksBefore, HOOKS.tasksCreated.size()))
                .noneMatch(created -> created.startsWith("directors:"));
    }

    @Test
    void aHookThatFailsRollsBackItsOwnSqlAndTheStep() {
        // given
        String record = UUID.randomUUID().toString();
        startFor(record);
        HOOKS.onActivity = call -> {
            RecordingHooks.mark(call, record);
            throw new IllegalArgumentException("the record refused the update");
        };

        // when / then
        assertThatThrownBy(() -> engine.decide(only(record).id(), true, TaskWork.NONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(markers(record)).isZero();
        assertThat(engine.running(record)).isTrue();
        assertThat(only(record).node()).isEqualTo("manager");
    }

    @Test
    void decidingTwiceSaysTheTaskWasDecided() {
        // given
        String record = UUID.randomUUID().toString();
        HOOKS.conditions.put("_2.0", true);
        startFor(record);
        OpenTask task = only(record);
        engine.decide(task.id(), true, TaskWork.NONE);

        // when / then
        assertThatThrownBy(() -> engine.decide(task.id(), false, TaskWork.NONE))
                .isInstanceOfSatisfying(TaskClosedException.class,
                        e -> assertThat(e.reason()).isEqualTo(FlowEngine.Closed.DECIDED));
        assertThat(engine.closed(UUID.randomUUID().toString())).isEqualTo(FlowEngine.Closed.UNKNOWN);
    }

    @Test
    void aWithdrawnFlowsTasksAreCancelled() {
        // given
        String record = UUID.randomUUID().toString();
        startFor(record);
        OpenTask task = only(record);

        // when
        boolean cancelled = engine.cancel(record, "withdrawn", mark(record));

        // then
        assertThat(cancelled).isTrue();
        assertThat(markers(record)).isEqualTo(1);
        assertThatThrownBy(() -> engine.transfer(task.id(), "sam", TaskWork.NONE))
                .isInstanceOfSatisfying(TaskClosedException.class,
                        e -> assertThat(e.reason()).isEqualTo(FlowEngine.Closed.CANCELLED));
    }

    @Test
    void aTransferHandsTheTaskToTheOtherUser() {
        // given
        String record = UUID.randomUUID().toString();
        startFor(record);

        // when
        engine.transfer(only(record).id(), "sam", TaskWork.NONE);

        // then
        assertThat(only(record).assignee()).isEqualTo("sam");
        assertThat(engine.tasksOf("sam", 1000)).extracting(OpenTask::businessKey).contains(record);
        assertThat(engine.tasksOf("sam", 1)).hasSize(1);
    }

    @Test
    void anUnknownDefinitionIsRefusedWithItsCode() {
        assertThatThrownBy(() -> engine.start("nope:1:x", UUID.randomUUID().toString(), "s", Map.of(), TxWork.NONE))
                .isInstanceOfSatisfying(FlowEngineException.class,
                        e -> assertThat(e.code()).isEqualTo(FlowEngineException.Code.DEFINITION_UNKNOWN));
    }

    @Test
    void theEngineRefusesThreadsThatMustNotBlock() {
        // given
        EngineSettings eventLoop = new EngineSettings(SCHEMA, false, () -> true);

        // when / then: refused before anything starts
        assertThatThrownBy(() -> FlowEngine.start(TestDatabase.pool(), eventLoop, HOOKS))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("worker");
    }

    @Test
    void twoDirectorsDecidingAtTheSameMomentBothCount() throws Exception {
        // given
        String record = UUID.randomUUID().toString();
        HOOKS.conditions.put("_2.0", true);
        startFor(record);
        engine.decide(only(record).id(), true, TaskWork.NONE);
        List<OpenTask> directors = engine.tasksFor(record);

        // when: both decide at once; their completions touch the same multi-instance counters
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Void>> decisions = new ArrayList<>();
            for (OpenTask task : directors) {
                decisions.add(pool.submit(() -> {
                    go.await();
                    engine.decide(task.id(), true, (open, connection) -> mark(record).run(connection));
                    return null;
                }));
            }
            go.countDown();
            for (Future<Void> decision : decisions) {
                decision.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        // then: neither was refused, each decision's work landed once, and the flow ended approved
        assertThat(engine.running(record)).isFalse();
        assertThat(markers(record)).isEqualTo(2);
        assertThat(HOOKS.activities).contains(record + ":_onApproved");
    }
}
