package dev.brickwork.workflow.engine;

import java.time.Instant;

/**
 * A user task waiting for a decision.
 *
 * @param node the approval node key (the BPMN user task id)
 * @param due  when the node's timeout fires, or null: no timeout, or read where it is not needed (inside commands)
 */
public record OpenTask(String id, String processInstanceId, String processDefinitionId, String businessKey, String node,
                       String assignee, Instant created, Instant due) {

    public OpenTask(String id, String processInstanceId, String processDefinitionId, String businessKey, String node,
                    String assignee, Instant created) {
        this(id, processInstanceId, processDefinitionId, businessKey, node, assignee, created, null);
    }
}
