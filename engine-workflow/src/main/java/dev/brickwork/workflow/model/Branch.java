package dev.brickwork.workflow.model;

import java.util.List;

/**
 * One way out of a {@code branch} node (then {@code when} is set) or of a {@code parallel} node (then it is null).
 *
 * @param when      a BOOLEAN expression over the record; null for the {@code otherwise} branch and parallel branches
 * @param otherwise taken when no other branch's condition holds
 */
public record Branch(String when, boolean otherwise, List<FlowNode> nodes) {

    public Branch {
        nodes = List.copyOf(nodes);
    }
}
