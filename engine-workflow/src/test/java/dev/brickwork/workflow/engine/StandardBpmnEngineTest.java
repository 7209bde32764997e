package dev.brickwork.workflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.brickwork.workflow.StandardBpmnTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The Camunda Modeler process of {@code StandardBpmnTest}, mapped and deployed on the real engine: the review by a
 * role, the board above the limit (every member), the finance check by a user, and its decision gateway.
 */
class StandardBpmnEngineTest {

    private static final String SCHEMA = "engine_standard_test";
    private static final RecordingHooks HOOKS = new RecordingHooks();
    private static FlowEngine engine;
    private static Deployment deployment;

    @BeforeAll
    static void startEngine() {
        TestDatabase.freshSchema(SCHEMA);
        engine = FlowEngine.start(TestDatabase.pool(), new EngineSettings(SCHEMA, false, () -> false), HOOKS);
        String bpmn = StandardBpmnTest.read(StandardBpmnTest.modeler()).plan().orElseThrow().bpmn();
        deployment = engine.deploy(StandardBpmnTest.KEY, bpmn);
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    @BeforeEach
    void approvers() {
        HOOKS.approvers.put("activity_0manager", List.of("mia"));
        HOOKS.approvers.put("activity_board", List.of("sam", "fay"));
        HOOKS.approvers.put("activity_finance", List.of("lu"));
        HOOKS.conditions.clear();
    }

    private static String start() {
        String record = UUID.randomUUID().toString();
        engine.start(deployment.processDefinitionId(), record, "start-" + record, Map.of(), TxWork.NONE);
        return record;
    }

    private static OpenTask only(String record, String node) {
        List<OpenTask> open = engine.tasksFor(record);
        assertThat(open).extracting(OpenTask::node).containsExactly(node);
        return open.get(0);
    }

    @Test
    void aSmallContractGoesFromTheReviewToFinanceAndItsRejectionEndsAtTheRejectedEnd() {
        // given
        String record = start();
        engine.decide(only(record, "activity_0manager").id(), true, TaskWork.NONE);

        // when
        engine.decide(only(record, "activity_finance").id(), false, TaskWork.NONE);

        // then
        assertThat(engine.running(record)).isFalse();
        assertThat(HOOKS.activities).contains(record + ":_onRejected").doesNotContain(record + ":_onApproved");
    }

    @Test
    void aLargeContractNeedsTheWholeBoardThenFinanceAndIsApproved() {
        // given
        HOOKS.conditions.put("Flow_large", true);
        String record = start();
        engine.decide(only(record, "activity_0manager").id(), true, TaskWork.NONE);

        // when
        List<OpenTask> board = engine.tasksFor(record);
        assertThat(board).extracting(OpenTask::assignee).containsExactlyInAnyOrder("sam", "fay");
        board.forEach(task -> engine.decide(task.id(), true, TaskWork.NONE));
        engine.decide(only(record, "activity_finance").id(), true, TaskWork.NONE);

        // then
        assertThat(engine.running(record)).isFalse();
        assertThat(HOOKS.activities).contains(record + ":_onApproved").doesNotContain(record + ":_onRejected");
    }

    @Test
    void aRejectionInTheReviewEndsTheFlowRejected() {
        // given
        String record = start();

        // when
        engine.decide(only(record, "activity_0manager").id(), false, TaskWork.NONE);

        // then
        assertThat(engine.running(record)).isFalse();
        assertThat(HOOKS.activities).contains(record + ":_onRejected");
    }
}
