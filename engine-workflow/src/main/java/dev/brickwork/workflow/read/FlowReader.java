package dev.brickwork.workflow.read;

import dev.brickwork.forms.read.Props;
import com.fasterxml.jackson.databind.JsonNode;
import dev.brickwork.forms.Problem;
import dev.brickwork.forms.read.DefinitionCodes;
import dev.brickwork.workflow.model.FlowDefinition;
import dev.brickwork.workflow.model.FlowNode;
import dev.brickwork.workflow.model.Outcome;
import dev.brickwork.workflow.model.Trigger;
import dev.brickwork.workflow.model.TriggerEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and validates an approval flow (docs/spec.md §5) by walking the JSON tree, so that every problem is reported with
 * its pointer (as engine-forms' {@code DefinitionReader} does for forms). Validates against the bound form (conditions
 * compile to true/false over its fields, written fields exist and are not computed, approvers come from user fields)
 * and the known roles. A pure function: never throws.
 */
public final class FlowReader {

    /** The only flow format there is. */
    public static final int SCHEMA_VERSION = 1;

    private static final Set<String> ROOT = Set.of("schemaVersion", "key", "form", "trigger", "nodes", "onApproved",
            "onRejected");

    private FlowReader() {
    }

    public static FlowReading read(JsonNode root, FlowContext context) {
        List<Problem> problems = new ArrayList<>();
        if (root == null || !root.isObject()) {
            problems.add(Problem.error("", FlowCodes.FLOW_NOT_OBJECT, "A flow definition is a JSON object"));
            return new FlowReading(Optional.empty(), problems);
        }
        try {
            return new FlowReading(Optional.of(read(root, context, problems)), problems);
        } catch (RuntimeException | StackOverflowError defect) {
            // a defect must not escape to the caller; the client gets a problem, not a stack trace
            problems.add(Problem.error("", DefinitionCodes.EXPR_INTERNAL, "The flow could not be read"));
            return new FlowReading(Optional.empty(), problems);
        }
    }

    private static FlowDefinition read(JsonNode root, FlowContext context, List<Problem> problems) {
        Props p = new Props(root, "", problems);
        p.allowOnly(ROOT, "a flow");
        schemaVersion(p);
        String key = p.key("key", true);
        String form = p.key("form", true);
        if (form != null && !form.equals(context.form().definition().key())) {
            p.error("form", FlowCodes.FLOW_FORM_MISMATCH, "The flow must name the form it is bound to");
        }
        FormChecks checks = new FormChecks(context.form(), problems);
        Trigger trigger = trigger(p, checks);
        JsonNode array = p.array("nodes", true);
        List<FlowNode> nodes = array == null ? List.of()
                : new NodeReader(context, checks, problems).list(array, p.pointer("nodes"), 0);
        OutcomeReader outcomes = new OutcomeReader(checks);
        Outcome approved = outcomes.outcome(p, "onApproved");
        Outcome rejected = outcomes.outcome(p, "onRejected");
        return new FlowDefinition(SCHEMA_VERSION, key, form, trigger, nodes, approved, rejected);
    }

    private static void schemaVersion(Props p) {
        JsonNode node = p.node("schemaVersion");
        if (node == null) {
            p.error("schemaVersion", DefinitionCodes.PROPERTY_REQUIRED, "'schemaVersion' is required");
        } else if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() != SCHEMA_VERSION) {
            p.error("schemaVersion", FlowCodes.FLOW_SCHEMA_VERSION_UNSUPPORTED,
                    "Only schemaVersion " + SCHEMA_VERSION + " is supported");
        }
    }

    private static Trigger trigger(Props root, FormChecks checks) {
        JsonNode node = root.object("trigger", true);
        if (node == null) {
            return null;
        }
        Props p = new Props(node, root.pointer("trigger"), root.problems());
        p.allowOnly(Set.of("on", "when"), "a trigger");
        String on = p.nonBlank("on", true);
        Optional<TriggerEvent> event = on == null ? Optional.empty() : TriggerEvent.fromJson(on);
        if (on != null && event.isEmpty()) {
            p.error("on", DefinitionCodes.PROPERTY_VALUE_INVALID, "'on' is one of submit, create, update");
        }
        String when = p.nonBlank("when", false);
        if (when != null) {
            checks.condition(when, p.pointer("when"));
        }
        return event.map(e -> new Trigger(e, when)).orElse(null);
    }
}
