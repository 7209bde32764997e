package dev.brickwork.workflow.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.forms.Problem;
import dev.brickwork.forms.read.Props;
import dev.brickwork.workflow.model.Approver;
import dev.brickwork.workflow.model.Outcome;
import dev.brickwork.workflow.model.Timeout;

import java.util.List;

/**
 * The pieces of a flow read one at a time, with the same checks {@link FlowReader} applies: for definitions that
 * arrive in another shape (an uploaded BPMN carries its approvers, timeouts and {@code set} objects as JSON in
 * properties). A piece is read as if it were property {@code approvers}, {@code timeout} or {@code set} of an object
 * at {@code pointer}, so its problems are located under {@code pointer/approvers}, {@code pointer/timeout} or
 * {@code pointer/set}, as in a flow node.
 */
public final class FlowParts {

    private final FormChecks checks;
    private final ApproverReader approvers;
    private final List<Problem> problems;

    public FlowParts(FlowContext context, List<Problem> problems) {
        this.problems = problems;
        this.checks = new FormChecks(context.form(), problems);
        this.approvers = new ApproverReader(context, checks, problems);
    }

    /** A non-empty approver list ({@code user}, {@code role}, {@code field}, {@code managerOf}, {@code department}). */
    public List<Approver> approvers(JsonNode value, String pointer) {
        return approvers.list(owner("approvers", value, pointer), "approvers", true);
    }

    /** A timeout object ({@code after}, {@code action}, {@code to}); null when it has a problem. */
    public Timeout timeout(JsonNode value, String pointer) {
        return new TimeoutReader(approvers).read(owner("timeout", value, pointer));
    }

    /** A non-empty object of writable fields to values. */
    public Outcome set(JsonNode value, String pointer) {
        return new OutcomeReader(checks).set(owner("set", value, pointer), true);
    }

    /** A BOOLEAN expression over the form's fields. */
    public void condition(String source, String pointer) {
        checks.condition(source, pointer);
    }

    /** Every {@code {name}} of a message names a field of the form. */
    public void placeholders(String message, String pointer) {
        checks.placeholders(message, pointer);
    }

    private Props owner(String name, JsonNode value, String pointer) {
        ObjectNode owner = JsonNodeFactory.instance.objectNode();
        owner.set(name, value);
        return new Props(owner, pointer, problems);
    }
}
