package dev.brickwork.workflow.read;

import dev.brickwork.forms.Problem;
import dev.brickwork.workflow.model.FlowDefinition;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of reading and validating a flow.
 *
 * @param flow     the flow as read, present whenever the JSON had the shape of a flow (even with problems)
 * @param problems every problem found
 */
public record FlowReading(Optional<FlowDefinition> flow, List<Problem> problems) {

    public FlowReading {
        problems = List.copyOf(problems);
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }

    /** The flow when it has no error, ready to compile. */
    public Optional<FlowDefinition> valid() {
        return hasErrors() ? Optional.empty() : flow;
    }
}
