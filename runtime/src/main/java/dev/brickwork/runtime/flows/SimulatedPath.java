package dev.brickwork.runtime.flows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.forms.JsonPointers;
import dev.brickwork.runtime.api.ApprovalApi.Person;
import dev.brickwork.runtime.api.ApprovalApi.SimulatedCondition;
import dev.brickwork.runtime.api.ApprovalApi.SimulatedStep;
import dev.brickwork.runtime.api.ApprovalApi.SimulatedTimeout;
import dev.brickwork.workflow.model.Approver;
import dev.brickwork.workflow.model.Branch;
import dev.brickwork.workflow.model.FlowDefinition;
import dev.brickwork.workflow.model.FlowNode;
import dev.brickwork.workflow.model.Outcome;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Walks a flow's tree the way the compiled process runs it, assuming every approval approves: branches take the first
 * condition that holds (else their {@code otherwise}), parallel nodes run every branch, and an update's values are
 * seen by the conditions after it (as {@link RecordFlowHooks} lays them over the record). Who is asked comes from
 * {@link People}, which resolves approvers as the running flow does.
 */
final class SimulatedPath {

    /** Approvers resolved to named, active users, as the runtime asks them. */
    interface People {
        List<Person> of(List<Approver> approvers);
    }

    /** Whether a condition holds for the record with the flow's writes so far laid over it. */
    interface Conditions {
        boolean holds(String source, ObjectNode setSoFar);
    }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final JsonNode definition;
    private final People people;
    private final Conditions conditions;
    private final ObjectNode setSoFar = JSON.objectNode();
    private final List<SimulatedStep> steps = new ArrayList<>();
    private boolean blocked;

    SimulatedPath(JsonNode definition, People people, Conditions conditions) {
        this.definition = definition;
        this.people = people;
        this.conditions = conditions;
    }

    List<SimulatedStep> walk(FlowDefinition flow) {
        nodes(flow.nodes(), "/nodes");
        return steps;
    }

    /** True when an approval on the path finds no one to ask: the running flow stops there. */
    boolean blocked() {
        return blocked;
    }

    private void nodes(List<FlowNode> nodes, String pointer) {
        for (int i = 0; i < nodes.size(); i++) {
            node(nodes.get(i), JsonPointers.append(pointer, i));
        }
    }

    private void node(FlowNode node, String pointer) {
        if (node instanceof FlowNode.Approval approval) {
            approval(approval, pointer);
        } else if (node instanceof FlowNode.Choice choice) {
            choice(choice, pointer);
        } else if (node instanceof FlowNode.Parallel parallel) {
            steps.add(step(pointer, "parallel", null, null, null));
            for (int b = 0; b < parallel.branches().size(); b++) {
                nodes(parallel.branches().get(b).nodes(), pointer + "/branches/" + b + "/nodes");
            }
        } else if (node instanceof FlowNode.Notify notify) {
            steps.add(step(pointer, "notify", people.of(notify.to()), notify.message(), null));
        } else if (node instanceof FlowNode.Update update) {
            ObjectNode set = values(update.set());
            setSoFar.setAll(set);
            steps.add(step(pointer, "update", null, null, set));
        }
    }

    private void approval(FlowNode.Approval approval, String pointer) {
        List<Person> asked = people.of(approval.approvers());
        SimulatedTimeout timeout = approval.timeout() == null ? null : new SimulatedTimeout(approval.timeout().after(),
                approval.timeout().action().json(), approval.timeout().to().isEmpty() ? null : people.of(approval.timeout().to()));
        blocked |= asked.isEmpty();
        JsonNode label = definition.at(pointer + "/label");
        steps.add(new SimulatedStep(pointer, "approval", approval.id(), label.isMissingNode() ? null : label,
                approval.mode().json(), asked, timeout, null, null, null, null, null,
                asked.isEmpty() ? FlowProblem.NO_APPROVERS.name() : null));
    }

    private void choice(FlowNode.Choice choice, String pointer) {
        List<SimulatedCondition> tried = new ArrayList<>();
        int taken = -1;
        for (int b = 0; b < choice.branches().size() && taken < 0; b++) {
            Branch branch = choice.branches().get(b);
            if (branch.when() != null) {
                boolean holds = conditions.holds(branch.when(), setSoFar.deepCopy());
                tried.add(new SimulatedCondition(b, branch.when(), false, holds));
                taken = holds ? b : -1;
            }
        }
        if (taken < 0) {
            for (int b = 0; b < choice.branches().size() && taken < 0; b++) {
                if (choice.branches().get(b).otherwise()) {
                    tried.add(new SimulatedCondition(b, null, true, true));
                    taken = b;
                }
            }
        }
        steps.add(new SimulatedStep(pointer, "branch", null, null, null, null, null, tried, taken < 0 ? null : taken,
                null, null, null, null));
        if (taken >= 0) {
            nodes(choice.branches().get(taken).nodes(), pointer + "/branches/" + taken + "/nodes");
        }
    }

    private static SimulatedStep step(String pointer, String type, List<Person> to, String message, ObjectNode set) {
        return new SimulatedStep(pointer, type, null, null, null, null, null, null, null, to, message, set, null);
    }

    static ObjectNode values(Outcome outcome) {
        ObjectNode set = JSON.objectNode();
        for (Map.Entry<String, JsonNode> entry : outcome.set().entrySet()) {
            set.set(entry.getKey(), entry.getValue());
        }
        return set;
    }
}
