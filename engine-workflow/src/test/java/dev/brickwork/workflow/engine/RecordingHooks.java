package dev.brickwork.workflow.engine;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Hooks for engine tests: approvers and conditions from maps, every activity and task event written down, and an
 * optional action run inside an activity (to write SQL or fail there).
 */
final class RecordingHooks implements FlowHooks {

    final Map<String, List<String>> approvers = new ConcurrentHashMap<>();
    final Map<String, Boolean> conditions = new ConcurrentHashMap<>();
    final List<String> activities = new CopyOnWriteArrayList<>();
    final List<String> tasksCreated = new CopyOnWriteArrayList<>();
    /** Every approvers question, as {@code <businessKey>:<node>}. */
    final List<String> approversAsked = new CopyOnWriteArrayList<>();
    volatile Consumer<FlowCall> onActivity = call -> {
    };

    @Override
    public boolean condition(FlowCall call, String conditionId) {
        return conditions.getOrDefault(conditionId, false);
    }

    @Override
    public List<String> approvers(FlowCall call, String nodeKey) {
        approversAsked.add(call.businessKey() + ":" + nodeKey);
        return approvers.getOrDefault(nodeKey, List.of());
    }

    @Override
    public void activity(FlowCall call) {
        onActivity.accept(call);
        activities.add(call.businessKey() + ":" + call.activityId());
    }

    @Override
    public void taskCreated(FlowCall call, OpenTask task) {
        tasksCreated.add(task.node() + ":" + task.assignee());
    }

    /** Writes a row into the test's marker table through the engine's connection. */
    static void mark(FlowCall call, String marker) {
        try (PreparedStatement insert = call.connection().prepareStatement("INSERT INTO engine_flow_test_data.markers (marker) VALUES (?)")) {
            insert.setString(1, marker);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
