package dev.brickwork.workflow.plan;

import dev.brickwork.forms.Problem;
import dev.brickwork.forms.read.Props;
import dev.brickwork.workflow.bpmn.RuntimeContract;
import dev.brickwork.workflow.lint.IgnoredExtensions;
import dev.brickwork.workflow.model.ApprovalMode;
import dev.brickwork.workflow.read.FlowContext;
import dev.brickwork.workflow.read.FlowParts;
import org.w3c.dom.Element;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns standard BPMN (as Camunda Modeler or bpmn.io write it) into the shape the runtime deploys, in place: user
 * tasks become approvals (multi-instance over {@code brickwork.approvers}, their approvers and mode as
 * {@code brickwork.*} properties), conditions in the expression language become {@code brickwork.condition} calls
 * with {@code brickwork.when}, conditions on the decision ({@code approved}, {@code !approved}) become the rejection
 * test, ends and timers get their finish and timeout tasks ({@link StandardOutcomes}), tasklist-only extensions go.
 * What is already in Brickwork's shape (a compiled flow, an upload with {@code brickwork.*} properties) is left as it
 * is, so the mapping of a Brickwork export changes nothing the plan reads. Problems are located at the element ids
 * as uploaded.
 */
final class StandardBpmn {

    private static final Pattern CONDITION_ID = Pattern.compile("^[A-Za-z_][A-Za-z0-9_.\\-]{0,80}$");
    private static final Set<String> APPROVED = Set.of("approved", "approved==true", "approved=true");
    private static final Set<String> REJECTED = Set.of("!approved", "notapproved", "approved==false", "approved=false",
            "approved!=true", "not(approved)", "!(approved)");
    private static final String DEFAULT_HISTORY = "P180D";

    private final FlowContext context;
    private final List<Problem> problems;
    /** id as uploaded to id as deployed */
    private final Map<String, String> renames = new LinkedHashMap<>();
    private final Set<String> standardTasks = new LinkedHashSet<>();
    private final Set<String> decided = new HashSet<>();
    private final Set<Element> rejectionFlows = new HashSet<>();
    private ProcessGraph graph;

    StandardBpmn(FlowContext context, List<Problem> problems) {
        this.context = context;
        this.problems = problems;
    }

    void map(Element process, String flowKey) {
        Element root = process.getOwnerDocument().getDocumentElement();
        IgnoredExtensions.strip(root);
        if (!root.hasAttribute("xmlns:operaton")) {
            root.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:operaton", Dom.OPERATON);
        }
        graph = new ProcessGraph(process);
        if (!process.getAttribute("id").equals(flowKey)) {
            renames.put(process.getAttribute("id"), flowKey);
        }
        Set<String> keys = new HashSet<>();
        for (Element task : graph.elements("userTask")) {
            if (!isOurs(task)) {
                String key = keyFor(task.getAttribute("id"), keys);
                keys.add(key);
                if (!key.equals(task.getAttribute("id"))) {
                    renames.put(task.getAttribute("id"), key);
                }
                standardTasks.add(key);
            }
        }
        graph.rename(renames);
        process.setAttribute("isExecutable", "true");
        if (Dom.engineAttribute(process, "historyTimeToLive") == null) {
            graph.engineAttribute(process, "historyTimeToLive", DEFAULT_HISTORY);
        }
        StandardApprovers approvers = new StandardApprovers(context, problems);
        for (Element task : graph.elements("userTask")) {
            if (!isOurs(task)) {
                approval(task, approvers.map(task, pointer(task.getAttribute("id"))));
            }
        }
        graph.flows().forEach(this::condition);
        graph.elements("exclusiveGateway").forEach(this::otherwise);
        new StandardOutcomes(graph, problems, this::pointer).map(standardTasks, decided, rejectionFlows);
        graph.draw();
    }

    /**
     * Pointer of a deployed element id to the element as uploaded ({@code /bpmn/<id>}), for every renamed element and
     * every one the mapping added (a finish task points at its end, a timeout task at its timer).
     */
    Map<String, String> uploadedPointers() {
        Map<String, String> pointers = new HashMap<>();
        renames.forEach((uploaded, deployed) -> pointers.put(Dom.pointer(deployed), Dom.pointer(uploaded)));
        if (graph != null) {
            graph.origins().forEach((added, origin) -> pointers.put(Dom.pointer(added), pointer(origin)));
        }
        return pointers;
    }

    private String pointer(String deployedId) {
        for (Map.Entry<String, String> rename : renames.entrySet()) {
            if (rename.getValue().equals(deployedId)) {
                return Dom.pointer(rename.getKey());
            }
        }
        return Dom.pointer(deployedId);
    }

    /** A user task in Brickwork's shape: multi-instance over {@code brickwork.approvers}. */
    private static boolean isOurs(Element task) {
        Element loop = Dom.child(task, "multiInstanceLoopCharacteristics");
        return loop != null && UploadReader.call(Dom.engineAttribute(loop, "collection"), "approvers") != null;
    }

    /** The task's id when it is a key, else a key made from it: lower case, other characters as '_'. */
    private String keyFor(String id, Set<String> taken) {
        if (Props.KEY.matcher(id).matches() && !taken.contains(id)) {
            return id;
        }
        String key = id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (key.isEmpty() || key.charAt(0) < 'a' || key.charAt(0) > 'z') {
            key = "t_" + key;
        }
        key = key.length() > 40 ? key.substring(0, 40) : key;
        String candidate = key;
        for (int n = 2; taken.contains(candidate) || graph.used(candidate) && !candidate.equals(id); n++) {
            String suffix = "_" + n;
            candidate = key.substring(0, Math.min(key.length(), 40 - suffix.length())) + suffix;
        }
        return candidate;
    }

    private void approval(Element task, StandardApprovers.Mapped mapped) {
        if (mapped == null) {
            return;
        }
        String key = task.getAttribute("id");
        for (String name : List.of("assignee", "candidateUsers", "candidateGroups")) {
            task.removeAttributeNS(Dom.OPERATON, name);
            task.removeAttributeNS(Dom.CAMUNDA, name);
        }
        for (String child : List.of("multiInstanceLoopCharacteristics", "humanPerformer", "potentialOwner")) {
            Dom.children(task, child).forEach(task::removeChild);
        }
        graph.engineAttribute(task, "assignee", RuntimeContract.ASSIGNEE);
        graph.property(task, UploadReader.APPROVERS, mapped.approvers().toString());
        graph.property(task, UploadReader.MODE, mapped.mode().json());
        String prefix = task.getPrefix() == null ? "" : task.getPrefix() + ":";
        Element loop = task.getOwnerDocument().createElementNS(Dom.BPMN, prefix + "multiInstanceLoopCharacteristics");
        loop.setAttribute("isSequential", String.valueOf(mapped.mode() == ApprovalMode.SEQUENTIAL));
        graph.engineAttribute(loop, "collection", RuntimeContract.approvers(key));
        graph.engineAttribute(loop, "elementVariable", RuntimeContract.ELEMENT_VARIABLE);
        Element completion = task.getOwnerDocument().createElementNS(Dom.BPMN, prefix + "completionCondition");
        completion.setTextContent(mapped.mode() == ApprovalMode.ANY ? RuntimeContract.FIRST_DECISION
                : RuntimeContract.rejected(key));
        loop.appendChild(completion);
        task.appendChild(loop);
    }

    private void condition(Element flow) {
        Element expression = Dom.child(flow, "conditionExpression");
        if (expression == null) {
            return;
        }
        String text = Dom.text(expression);
        if (RuntimeContract.CALL.matcher(text).matches()) {
            return;
        }
        if (text.isEmpty()) {
            flow.removeChild(expression);
            return;
        }
        String source = text.startsWith("${") && text.endsWith("}") ? text.substring(2, text.length() - 1).strip() : text;
        String decision = source.replaceAll("\\s+", "");
        boolean approvedIsAField = context.form().field("approved").isPresent();
        if (!approvedIsAField && (APPROVED.contains(decision) || REJECTED.contains(decision))) {
            decision(flow, REJECTED.contains(decision));
            return;
        }
        String id = flow.getAttribute("id");
        // checked here too, so that a file with other mapping problems reports its conditions as well
        List<Problem> inner = new java.util.ArrayList<>();
        new FlowParts(context, inner).condition(source, Dom.pointer(id));
        ElementProperties.relocate(Dom.pointer(id), "The condition", inner, problems);
        String conditionId = CONDITION_ID.matcher(id).matches() ? id : graph.freeId("_condition");
        graph.condition(flow, RuntimeContract.condition(conditionId));
        graph.property(flow, UploadReader.WHEN, source);
    }

    /** Like a designed branch, a gateway whose every way out has a condition needs the otherwise: its default flow. */
    private void otherwise(Element gateway) {
        List<Element> out = graph.outgoing(gateway.getAttribute("id"));
        boolean allConditional = !out.isEmpty() && out.stream().allMatch(f -> Dom.child(f, "conditionExpression") != null);
        if (allConditional && gateway.getAttribute("default").isEmpty()) {
            problems.add(Problem.error(pointer(gateway.getAttribute("id")), UploadCodes.UPLOAD_FLOW_UNMAPPED,
                    "Every flow out of this gateway has a condition: make one of them the default flow (otherwise),"
                    + " so that a record no condition fits still goes on"));
        }
    }

    /**
     * A condition on the decision of the user task right before its gateway: the approving flow becomes the gateway's
     * default, the rejecting one tests {@code brickwork.rejected}; the task needs no outcome gateway of its own.
     */
    private void decision(Element flow, boolean rejects) {
        Element gateway = graph.node(flow.getAttribute("sourceRef"));
        List<Element> in = gateway == null ? List.of() : graph.incoming(gateway.getAttribute("id"));
        String task = in.size() == 1 ? in.get(0).getAttribute("sourceRef") : null;
        if (gateway == null || !Dom.isBpmn(gateway, "exclusiveGateway") || task == null || !standardTasks.contains(task)) {
            problems.add(Problem.error(Dom.pointer(flow.getAttribute("id")), UploadCodes.UPLOAD_FLOW_UNMAPPED,
                    "A condition on 'approved' tests the decision of a user task: put it on an exclusive gateway"
                    + " that follows the user task directly"));
            return;
        }
        decided.add(task);
        if (rejects) {
            graph.condition(flow, RuntimeContract.rejected(task));
            rejectionFlows.add(flow);
        } else {
            flow.removeChild(Dom.child(flow, "conditionExpression"));
            Element oldDefault = graph.flows().stream()
                    .filter(f -> f.getAttribute("id").equals(gateway.getAttribute("default"))).findFirst().orElse(null);
            if (oldDefault != null && oldDefault != flow) {
                // the modeller's default was the way a rejection goes
                graph.condition(oldDefault, RuntimeContract.rejected(task));
                rejectionFlows.add(oldDefault);
            }
            gateway.setAttribute("default", flow.getAttribute("id"));
        }
    }
}
