package dev.brickwork.workflow.plan;

import com.fasterxml.jackson.databind.JsonNode;

/** A {@link FlowPlan} as JSON, to be stored beside its deployment and read back (trusted: we wrote it). */
public final class FlowPlanJson {

    private FlowPlanJson() {
    }

    public static JsonNode write(FlowPlan plan) {
        throw new UnsupportedOperationException("not yet");
    }

    public static FlowPlan read(JsonNode json) {
        throw new UnsupportedOperationException("not yet");
    }
}
