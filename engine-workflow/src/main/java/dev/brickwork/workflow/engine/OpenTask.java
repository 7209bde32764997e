package dev.brickwork.workflow.engine;

import java.time.Instant;

/**
 * A user task waiting for a decision.
 *
 * @param node the approval node key (the BPMN user task id)
 */
public record OpenTask(String id, String processInstanceId, String processDefinitionId, String businessKey, String node,
                       String assignee, Instant created) {
}
