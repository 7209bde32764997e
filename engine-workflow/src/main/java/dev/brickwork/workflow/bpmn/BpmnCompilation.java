package dev.brickwork.workflow.bpmn;

import java.util.Map;

/**
 * A flow compiled to BPMN 2.0.
 *
 * @param xml        the BPMN XML with diagram interchange, deployable as {@code <flow key>.bpmn}
 * @param elementIds node id (its key, or the generated {@code _<n>}) to the id of its main BPMN element (the
 *                   user task of an approval, the split gateway of a branch or parallel node, the service task of
 *                   notify and update)
 * @param conditions condition id (as referenced by {@code brickwork.condition}) to the condition's source text
 */
public record BpmnCompilation(String xml, Map<String, String> elementIds, Map<String, String> conditions) {

    public BpmnCompilation {
        elementIds = Map.copyOf(elementIds);
        conditions = Map.copyOf(conditions);
    }
}
