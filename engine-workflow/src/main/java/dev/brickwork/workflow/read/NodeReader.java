package dev.brickwork.workflow.read;

import dev.brickwork.forms.read.Props;
import com.fasterxml.jackson.databind.JsonNode;
import dev.brickwork.forms.JsonPointers;
import dev.brickwork.forms.Problem;
import dev.brickwork.forms.read.DefinitionCodes;
import dev.brickwork.workflow.model.ApprovalMode;
import dev.brickwork.workflow.model.Approver;
import dev.brickwork.workflow.model.FlowNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads node lists, recursively through branch and parallel nodes. Nodes with an unusable type are left out. */
final class NodeReader {

    /** Nesting of branch and parallel nodes beyond this is refused; nobody draws deeper. */
    static final int MAX_DEPTH = 10;
    static final int MAX_NODES = 500;

    private static final Map<String, Set<String>> PROPERTIES = Map.of(
            "approval", Set.of("type", "key", "label", "approvers", "mode", "timeout"),
            "branch", Set.of("type", "key", "branches"),
            "parallel", Set.of("type", "key", "branches"),
            "notify", Set.of("type", "key", "to", "message"),
            "update", Set.of("type", "key", "set"));

    private final List<Problem> problems;
    private final FormChecks checks;
    private final ApproverReader approvers;
    private final TimeoutReader timeouts;
    private final OutcomeReader outcomes;
    private final BranchReader branches;
    private final Set<String> keys = new HashSet<>();
    private int count;

    NodeReader(FlowContext context, FormChecks checks, List<Problem> problems) {
        this.problems = problems;
        this.checks = checks;
        this.approvers = new ApproverReader(context, checks, problems);
        this.timeouts = new TimeoutReader(approvers);
        this.outcomes = new OutcomeReader(checks);
        this.branches = new BranchReader(this, checks);
    }

    /** Nodes without a key get {@code _<n>}, n counting nodes in document order from 1. */
    List<FlowNode> list(JsonNode array, String pointer, int depth) {
        List<FlowNode> nodes = new ArrayList<>();
        if (depth > MAX_DEPTH) {
            problems.add(Problem.error(pointer, FlowCodes.FLOW_TOO_DEEP,
                    "Branches may be nested at most " + MAX_DEPTH + " deep"));
            return nodes;
        }
        for (int i = 0; i < array.size(); i++) {
            String nodePointer = JsonPointers.append(pointer, i);
            if (++count > MAX_NODES) {
                problems.add(Problem.error(nodePointer, FlowCodes.FLOW_TOO_LARGE,
                        "A flow may have at most " + MAX_NODES + " nodes"));
                return nodes;
            }
            node(array.get(i), nodePointer, "_" + count, depth).ifPresent(nodes::add);
        }
        return nodes;
    }

    private Optional<FlowNode> node(JsonNode node, String pointer, String generatedId, int depth) {
        if (!node.isObject()) {
            problems.add(Problem.error(pointer, DefinitionCodes.PROPERTY_TYPE, "A node is a JSON object"));
            return Optional.empty();
        }
        Props p = new Props(node, pointer, problems);
        String type = p.nonBlank("type", true);
        if (type == null) {
            return Optional.empty();
        }
        if (!PROPERTIES.containsKey(type)) {
            p.error("type", FlowCodes.NODE_TYPE_UNKNOWN,
                    "A node's type is one of approval, branch, parallel, notify, update");
            return Optional.empty();
        }
        p.allowOnly(PROPERTIES.get(type), "a " + type + " node");
        String key = p.key("key", "approval".equals(type));
        if (key != null && !keys.add(key)) {
            p.error("key", FlowCodes.NODE_KEY_DUPLICATE, "Another node has this key");
        }
        String id = key != null ? key : generatedId;
        return Optional.ofNullable(switch (type) {
            case "approval" -> approval(p, id);
            case "branch" -> new FlowNode.Choice(id, branches.choices(p, depth));
            case "parallel" -> new FlowNode.Parallel(id, branches.parallels(p, depth));
            case "notify" -> notify(p, id);
            default -> new FlowNode.Update(id, outcomes.set(p, true));
        });
    }

    private FlowNode approval(Props p, String id) {
        List<Approver> list = approvers.list(p, "approvers", true);
        String modeName = p.nonBlank("mode", false);
        ApprovalMode mode = ApprovalMode.ANY;
        if (modeName != null) {
            Optional<ApprovalMode> read = ApprovalMode.fromJson(modeName);
            if (read.isEmpty()) {
                p.error("mode", DefinitionCodes.PROPERTY_VALUE_INVALID, "'mode' is one of any, all, sequential");
            }
            mode = read.orElse(ApprovalMode.ANY);
        }
        return new FlowNode.Approval(id, list, mode, timeouts.read(p), p.label("label"));
    }

    private FlowNode notify(Props p, String id) {
        List<Approver> to = approvers.list(p, "to", true);
        String message = p.nonBlank("message", true);
        if (message != null) {
            checks.placeholders(message, p.pointer("message"));
        }
        return new FlowNode.Notify(id, to, message);
    }
}
