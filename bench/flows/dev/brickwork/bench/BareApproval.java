package dev.brickwork.bench;

import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.task.Task;

import java.util.Map;

/**
 * One approval through the engine's Java API: start the flow for a new business key, find the manager's task and
 * complete it, find the director's and complete it, and check that the flow has ended.
 */
final class BareApproval implements Worker {

    private final BareEngine bare;
    private final String manager;
    private final String director;

    BareApproval(BareEngine bare, int thread) {
        this.bare = bare;
        this.manager = "manager-" + thread;
        this.director = "director-" + thread;
    }

    @Override
    public boolean call() {
        RuntimeService runtime = bare.engine.getRuntimeService();
        TaskService tasks = bare.engine.getTaskService();
        String businessKey = Database.uuidV7().toString();
        String instance = runtime.startProcessInstanceById(bare.processDefinitionId, businessKey,
                Map.of(BareEngine.MANAGER, manager, BareEngine.DIRECTOR, director)).getId();
        if (!complete(tasks, manager, businessKey) || !complete(tasks, director, businessKey)) {
            return false;
        }
        if (runtime.createProcessInstanceQuery().processInstanceId(instance).count() != 0) {
            Report.error("the bare flow " + instance + " did not end after both approvals");
            return false;
        }
        return true;
    }

    private static boolean complete(TaskService tasks, String assignee, String businessKey) {
        Task task = tasks.createTaskQuery().taskAssignee(assignee).processInstanceBusinessKey(businessKey).singleResult();
        if (task == null) {
            Report.error("no bare task for " + assignee);
            return false;
        }
        tasks.complete(task.getId());
        return true;
    }
}
