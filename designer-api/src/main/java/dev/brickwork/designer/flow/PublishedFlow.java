package dev.brickwork.designer.flow;

import dev.brickwork.workflow.plan.FlowPlan;

/**
 * A published flow version as the runtime runs it.
 *
 * @param version             the flow's version number in Brickwork (1, 2, …)
 * @param processDefinitionId the engine's id of the deployed BPMN of this version
 */
public record PublishedFlow(String appKey, String flowKey, int version, FlowPlan plan, String processDefinitionId) {
}
