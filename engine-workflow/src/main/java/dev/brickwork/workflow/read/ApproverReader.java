package dev.brickwork.workflow.read;

import dev.brickwork.forms.read.Props;
import com.fasterxml.jackson.databind.JsonNode;
import dev.brickwork.forms.JsonPointers;
import dev.brickwork.forms.Problem;
import dev.brickwork.workflow.model.Approver;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Reads an approver list: each entry is an object with exactly one of user, role, field, managerOf, department. */
final class ApproverReader {

    private static final Set<String> KINDS = Set.of("user", "role", "field", "managerOf", "department");

    private final FlowContext context;
    private final FormChecks checks;
    private final List<Problem> problems;

    ApproverReader(FlowContext context, FormChecks checks, List<Problem> problems) {
        this.context = context;
        this.checks = checks;
        this.problems = problems;
    }

    /** Reads {@code owner.name}; a missing or empty list is reported as APPROVERS_EMPTY when required. */
    List<Approver> list(Props owner, String name, boolean required) {
        JsonNode array = owner.array(name, required);
        List<Approver> approvers = new ArrayList<>();
        if (array == null) {
            return approvers;
        }
        if (array.isEmpty()) {
            owner.error(name, FlowCodes.APPROVERS_EMPTY, "At least one approver is required");
            return approvers;
        }
        for (int i = 0; i < array.size(); i++) {
            Approver approver = one(array.get(i), JsonPointers.append(owner.pointer(name), i));
            if (approver != null) {
                approvers.add(approver);
            }
        }
        return approvers;
    }

    private Approver one(JsonNode node, String pointer) {
        if (!node.isObject() || node.size() != 1 || !KINDS.contains(node.fieldNames().next())) {
            problems.add(Problem.error(pointer, FlowCodes.APPROVER_INVALID,
                    "An approver is an object with exactly one of user, role, field, managerOf, department"));
            return null;
        }
        Iterator<String> names = node.fieldNames();
        String kind = names.next();
        Props p = new Props(node, pointer, problems);
        String value = "role".equals(kind) || "field".equals(kind) || "managerOf".equals(kind)
                ? p.key(kind, true) : p.nonBlank(kind, true);
        if (value == null) {
            return null;
        }
        return switch (kind) {
            case "user" -> new Approver.User(value);
            case "department" -> new Approver.Department(value);
            case "role" -> {
                if (!context.roles().contains(value)) {
                    p.error(kind, FlowCodes.ROLE_UNKNOWN, "No role has this key");
                }
                yield new Approver.Role(value);
            }
            case "field" -> {
                checks.userField(value, p.pointer(kind));
                yield new Approver.Field(value);
            }
            default -> {
                checks.userField(value, p.pointer(kind));
                yield new Approver.ManagerOf(value);
            }
        };
    }
}
