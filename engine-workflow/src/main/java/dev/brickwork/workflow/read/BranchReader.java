package dev.brickwork.workflow.read;

import dev.brickwork.forms.read.Props;
import com.fasterxml.jackson.databind.JsonNode;
import dev.brickwork.forms.JsonPointers;
import dev.brickwork.forms.Problem;
import dev.brickwork.forms.read.DefinitionCodes;
import dev.brickwork.workflow.model.Branch;
import dev.brickwork.workflow.model.FlowNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads the {@code branches} of branch nodes (conditions, exactly one otherwise) and of parallel nodes. */
final class BranchReader {

    private final NodeReader nodes;
    private final FormChecks checks;

    BranchReader(NodeReader nodes, FormChecks checks) {
        this.nodes = nodes;
        this.checks = checks;
    }

    List<Branch> choices(Props p, int depth) {
        JsonNode array = array(p);
        List<Branch> read = new ArrayList<>();
        if (array == null) {
            return read;
        }
        int otherwise = 0;
        for (int i = 0; i < array.size(); i++) {
            String pointer = JsonPointers.append(p.pointer("branches"), i);
            Props b = props(array.get(i), pointer, p.problems());
            if (b == null) {
                continue;
            }
            b.allowOnly(Set.of("when", "otherwise", "nodes"), "a branch");
            boolean isOtherwise = b.bool("otherwise");
            if (b.has("otherwise") && !isOtherwise) {
                b.error("otherwise", FlowCodes.BRANCH_CONDITION_INVALID, "'otherwise' is true or left out");
            }
            String when = b.nonBlank("when", !isOtherwise);
            if (isOtherwise && b.has("when")) {
                b.error("when", FlowCodes.BRANCH_CONDITION_INVALID, "The otherwise branch has no condition");
                when = null;
            } else if (when != null) {
                checks.condition(when, b.pointer("when"));
            }
            if (isOtherwise && ++otherwise == 2) {
                b.error("otherwise", FlowCodes.BRANCH_OTHERWISE_DUPLICATE, "A branch node has one otherwise branch");
            }
            read.add(new Branch(when, isOtherwise, children(b, depth)));
        }
        if (otherwise == 0) {
            p.error("branches", FlowCodes.BRANCH_OTHERWISE_MISSING,
                    "A branch node needs a branch with \"otherwise\": true");
        }
        return read;
    }

    List<Branch> parallels(Props p, int depth) {
        JsonNode array = array(p);
        List<Branch> read = new ArrayList<>();
        if (array == null) {
            return read;
        }
        for (int i = 0; i < array.size(); i++) {
            Props b = props(array.get(i), JsonPointers.append(p.pointer("branches"), i), p.problems());
            if (b != null) {
                b.allowOnly(Set.of("nodes"), "a parallel branch");
                read.add(new Branch(null, false, children(b, depth)));
            }
        }
        return read;
    }

    private static JsonNode array(Props p) {
        JsonNode array = p.array("branches", true);
        if (array != null && array.isEmpty()) {
            p.error("branches", FlowCodes.BRANCHES_EMPTY, "At least one branch is required");
            return null;
        }
        return array;
    }

    private static Props props(JsonNode node, String pointer, List<Problem> problems) {
        if (!node.isObject()) {
            problems.add(Problem.error(pointer, DefinitionCodes.PROPERTY_TYPE, "A branch is a JSON object"));
            return null;
        }
        return new Props(node, pointer, problems);
    }

    private List<FlowNode> children(Props b, int depth) {
        JsonNode array = b.array("nodes", true);
        return array == null ? List.of() : nodes.list(array, b.pointer("nodes"), depth + 1);
    }
}
