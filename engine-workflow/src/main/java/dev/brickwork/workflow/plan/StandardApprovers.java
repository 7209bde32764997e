package dev.brickwork.workflow.plan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.forms.Problem;
import dev.brickwork.forms.model.FieldType;
import dev.brickwork.workflow.model.ApprovalMode;
import dev.brickwork.workflow.read.FlowCodes;
import dev.brickwork.workflow.read.FlowContext;
import org.w3c.dom.Element;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who decides a standard user task: {@code assignee} and {@code candidateUsers} name users by username (or a user
 * field of the form as {@code ${field}}), {@code candidateGroups} name roles; so do BPMN's own {@code humanPerformer}
 * and {@code potentialOwner} ({@code user(name)}, {@code group(role)}). A plain task is {@code any}; a
 * multi-instance one is {@code all} (parallel) or {@code sequential}, its approvers the candidates (the engine's
 * collection variable does not exist here). Problems are located at the task's id as uploaded; none repeats a name.
 */
final class StandardApprovers {

    /** What a standard task maps to: the approvers as {@code brickwork.approvers} JSON, and the mode. */
    record Mapped(ArrayNode approvers, ApprovalMode mode) {
    }

    private static final Pattern RESOURCE = Pattern.compile("^(user|group)\\((.*)\\)$");
    private static final Pattern VARIABLE = Pattern.compile("^\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}$");

    private final FlowContext context;
    private final List<Problem> problems;

    StandardApprovers(FlowContext context, List<Problem> problems) {
        this.context = context;
        this.problems = problems;
    }

    /** The task's approvers and mode, or null (reported) when they cannot be mapped. */
    Mapped map(Element task, String pointer) {
        Element loop = Dom.child(task, "multiInstanceLoopCharacteristics");
        ApprovalMode mode = loop == null ? ApprovalMode.ANY
                : "true".equals(loop.getAttribute("isSequential")) ? ApprovalMode.SEQUENTIAL : ApprovalMode.ALL;
        if (loop != null && Dom.child(loop, "loopCardinality") != null) {
            error(pointer, UploadCodes.UPLOAD_LOOP_UNSUPPORTED, "A multi-instance task cannot count its instances"
                    + " (loopCardinality): remove it; every approver in candidateUsers / candidateGroups gets one");
            return null;
        }
        Set<String> seen = new LinkedHashSet<>();
        ArrayNode approvers = JsonNodeFactory.instance.arrayNode();
        boolean ok = true;
        String assignee = Dom.engineAttribute(task, "assignee");
        String elementVariable = loop == null ? null : Dom.engineAttribute(loop, "elementVariable");
        if (assignee != null && !assignee.isBlank() && !isVariable(assignee, elementVariable)) {
            ok &= user(assignee.strip(), "assignee", pointer, approvers, seen);
        }
        for (String name : list(Dom.engineAttribute(task, "candidateUsers"))) {
            ok &= user(name, "candidateUsers", pointer, approvers, seen);
        }
        List<String> groups = new java.util.ArrayList<>(list(Dom.engineAttribute(task, "candidateGroups")));
        for (String name : performers(task, "humanPerformer", groups)) {
            ok &= user(name, "humanPerformer", pointer, approvers, seen);
        }
        for (String name : performers(task, "potentialOwner", groups)) {
            ok &= user(name, "potentialOwner", pointer, approvers, seen);
        }
        for (String role : groups) {
            if (!context.roles().contains(role)) {
                error(pointer, FlowCodes.ROLE_UNKNOWN, "candidateGroups names a role that does not exist;"
                        + " a group is the key of a Brickwork role");
                ok = false;
            } else if (seen.add("role:" + role)) {
                approvers.addObject().put("role", role);
            }
        }
        if (ok && approvers.isEmpty()) {
            error(pointer, UploadCodes.UPLOAD_APPROVERS_MISSING, loop == null
                    ? "Say who decides: camunda:assignee (a username or ${owner}), candidateUsers or candidateGroups (role keys)"
                    : "A multi-instance task's approvers are its candidateUsers and candidateGroups: Brickwork has no"
                    + " process variable to take them from");
            return null;
        }
        return ok ? new Mapped(approvers, mode) : null;
    }

    private boolean user(String name, String attribute, String pointer, ArrayNode approvers, Set<String> seen) {
        Matcher variable = VARIABLE.matcher(name);
        if (variable.matches()) {
            String field = variable.group(1);
            if (!isUserField(field)) {
                error(pointer, UploadCodes.UPLOAD_ASSIGNEE_UNMAPPED, attribute + " names a variable that is not a user"
                        + " field of the form: write a username, ${owner}, or one of ${" + String.join("}, ${", userFields())
                        + "}");
                return false;
            }
            if (seen.add("field:" + field)) {
                approvers.addObject().put("field", field);
            }
            return true;
        }
        String id = context.users().get(name);
        if (id == null) {
            error(pointer, UploadCodes.UPLOAD_USER_UNKNOWN, attribute + " names a username no Brickwork user has");
            return false;
        }
        if (seen.add("user:" + id)) {
            ObjectNode user = approvers.addObject();
            user.put("user", id);
        }
        return true;
    }

    /**
     * The users a {@code humanPerformer} / {@code potentialOwner} names as {@code user(name)}; its {@code group(key)}
     * (and, for a potential owner, a name without either, as the engines read it) go to {@code groups}.
     */
    private static List<String> performers(Element task, String kind, List<String> groups) {
        List<String> users = new java.util.ArrayList<>();
        for (Element performer : Dom.children(task, kind)) {
            Element assignment = Dom.child(performer, "resourceAssignmentExpression");
            String text = assignment == null ? null : Dom.text(Dom.child(assignment, "formalExpression"));
            for (String part : list(text)) {
                Matcher call = RESOURCE.matcher(part);
                if (call.matches()) {
                    (call.group(1).equals("user") ? users : groups).add(call.group(2).strip());
                } else {
                    ("humanPerformer".equals(kind) ? users : groups).add(part);
                }
            }
        }
        return users;
    }

    private boolean isUserField(String key) {
        return FlowContext.SYSTEM_USER_FIELDS.contains(key)
                || context.form().field(key).map(f -> f.type() == FieldType.USER).orElse(false);
    }

    private Set<String> userFields() {
        Set<String> fields = new TreeSet<>(FlowContext.SYSTEM_USER_FIELDS);
        context.form().definition().fields().stream().filter(f -> f.type() == FieldType.USER)
                .forEach(f -> fields.add(f.key()));
        return fields;
    }

    /** Whether {@code assignee} is {@code ${elementVariable}}: one instance per candidate, not an approver itself. */
    private static boolean isVariable(String assignee, String elementVariable) {
        Matcher matcher = VARIABLE.matcher(assignee.strip());
        return elementVariable != null && matcher.matches() && matcher.group(1).equals(elementVariable);
    }

    /** The usernames a file's user tasks name literally, for looking their ids up before the mapping. */
    static Set<String> usernames(Element root) {
        Set<String> names = new TreeSet<>();
        for (Element e : Dom.descendants(root)) {
            if (Dom.isBpmn(e, "userTask")) {
                String assignee = Dom.engineAttribute(e, "assignee");
                if (assignee != null && !assignee.isBlank() && !assignee.contains("${")) {
                    names.add(assignee.strip());
                }
                list(Dom.engineAttribute(e, "candidateUsers")).stream().filter(n -> !n.contains("${")).forEach(names::add);
                names.addAll(performers(e, "humanPerformer", new java.util.ArrayList<>()));
                names.addAll(performers(e, "potentialOwner", new java.util.ArrayList<>()));
            }
        }
        return names;
    }

    private static List<String> list(String commaSeparated) {
        if (commaSeparated == null) {
            return List.of();
        }
        return java.util.Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private void error(String pointer, String code, String message) {
        problems.add(Problem.error(pointer, code, message));
    }
}
