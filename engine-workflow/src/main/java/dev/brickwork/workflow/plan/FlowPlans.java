package dev.brickwork.workflow.plan;

import dev.brickwork.workflow.bpmn.BpmnCompilation;
import dev.brickwork.workflow.model.FlowDefinition;

/** Makes the {@link FlowPlan} of a designed flow from the flow and its compilation. */
public final class FlowPlans {

    private FlowPlans() {
    }

    public static FlowPlan of(FlowDefinition flow, BpmnCompilation compilation) {
        throw new UnsupportedOperationException("not yet");
    }
}
