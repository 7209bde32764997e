package dev.brickwork.workflow.model;

import java.util.List;

/**
 * An approval flow as stored (docs/spec.md §5), already read from JSON.
 *
 * @param schemaVersion the definition format version; only 1 exists
 * @param key           the flow's key; also the BPMN process id
 * @param form          the key of the form whose records the flow runs on
 * @param nodes         the top-level path, run in order
 * @param onApproved    what is written to the record when the flow ends approved
 * @param onRejected    what is written to the record when the flow ends rejected
 */
public record FlowDefinition(int schemaVersion, String key, String form, Trigger trigger, List<FlowNode> nodes,
                             Outcome onApproved, Outcome onRejected) {

    public FlowDefinition {
        nodes = List.copyOf(nodes);
    }
}
