package dev.brickwork.workflow.plan;

import dev.brickwork.forms.Problem;
import dev.brickwork.forms.read.DefinitionCodes;
import dev.brickwork.workflow.bpmn.RuntimeContract;
import org.w3c.dom.Element;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * How a standard process ends, for the runtime: every end event becomes an outcome, and a rejection always has a
 * way to one.
 *
 * <ul>
 * <li>An end is <em>rejected</em> when it is reached only after a rejection (a flow testing the decision, see
 *     {@link StandardBpmn}), when its name or id says so (reject, denied, declined, refused, 驳回, 拒绝, 否决,
 *     不通过) or when its property {@code brickwork.outcome} is {@code rejected}; any other end is <em>approved</em>.
 *     Before each the deployment gets a finish task ({@code _onApproved}, {@code _onRejected}, then {@code .2} ...)
 *     that carries the end's {@code brickwork.set}, if it has one. An end reached both ways is refused.</li>
 * <li>The end of a non-interrupting timer's path is the end of that token only, not an outcome.</li>
 * <li>A user task whose decision no gateway tests gets one: a rejection goes to the first rejected end (one is added,
 *     {@code _onRejected} → {@code _rejected}, when the process has none), anything else on as drawn.</li>
 * <li>A timer on a user task is its timeout: non-interrupting reminds; interrupting approves when its path leads to
 *     approved ends and rejects when it leads to rejected ones (a path through another user task, or to both, is
 *     refused). Its flow gets the {@code <task>.timeout} task.</li>
 * </ul>
 * An end already behind a finish task (Brickwork's own export) is left as it is.
 */
final class StandardOutcomes {

    private static final Pattern REJECTED_NAME = Pattern.compile("reject|denied|declin|refus|驳回|拒绝|否决|不通过|未通过");
    private static final String OUTCOME = "brickwork.outcome";

    private final ProcessGraph graph;
    private final List<Problem> problems;
    private final Function<String, String> pointer;
    private String rejectedFinish;

    StandardOutcomes(ProcessGraph graph, List<Problem> problems, Function<String, String> pointer) {
        this.graph = graph;
        this.problems = problems;
        this.pointer = pointer;
    }

    void map(Set<String> standardTasks, Set<String> decided, Set<Element> rejectionFlows) {
        ends(rejectionFlows);
        for (String task : standardTasks) {
            timers(task);
        }
        for (String task : standardTasks) {
            if (!decided.contains(task)) {
                outcomeGateway(task);
            }
        }
    }

    private void ends(Set<Element> rejectionFlows) {
        List<String> starts = ProcessGraph.ids(graph.elements("startEvent"));
        Set<Element> rejections = new HashSet<>(rejectionFlows);
        graph.flows().stream().filter(StandardOutcomes::testsRejection).forEach(rejections::add);
        for (Element flow : rejectionFlows) {
            Set<String> after = graph.reach(List.of(flow.getAttribute("targetRef")), f -> true, b -> false, n -> false);
            if (after.stream().map(graph::node).anyMatch(n -> n != null && Dom.isBpmn(n, "userTask"))) {
                error(flow.getAttribute("id"), UploadCodes.UPLOAD_FLOW_UNMAPPED, "A rejection ends the flow (the owner"
                        + " may change the record and submit it again): lead this flow to an end event, not back to a task");
                return;
            }
        }
        // timers' paths are left out: where a timer leads decides what it does, not what an end is
        Set<String> normal = graph.reach(starts, f -> !rejections.contains(f), b -> false, n -> false);
        Set<String> rejected = graph.reach(rejections.stream().map(f -> f.getAttribute("targetRef")).toList(),
                f -> true, b -> false, n -> false);
        Set<String> tokenOnly = graph.reach(ProcessGraph.ids(graph.elements("boundaryEvent").stream()
                .filter(b -> !ProcessGraph.interrupting(b)).toList()), f -> true, b -> true, n -> false);
        for (Element end : graph.elements("endEvent")) {
            String id = end.getAttribute("id");
            if (behindFinish(id)) {
                continue;
            }
            if (tokenOnly.contains(id)) {
                if (normal.contains(id) || rejected.contains(id)) {
                    error(id, UploadCodes.UPLOAD_END_AMBIGUOUS, "A reminder's path needs an end event of its own:"
                            + " this end is also where the process finishes");
                }
                continue;
            }
            String outcome = ProcessGraph.takeProperty(end, OUTCOME);
            String set = ProcessGraph.takeProperty(end, UploadReader.SET);
            Boolean isRejected;
            if (outcome != null) {
                isRejected = "rejected".equals(outcome) ? Boolean.TRUE : "approved".equals(outcome) ? Boolean.FALSE : null;
                if (isRejected == null) {
                    error(id, DefinitionCodes.PROPERTY_VALUE_INVALID, OUTCOME + " is approved or rejected");
                    continue;
                }
            } else if (normal.contains(id) && rejected.contains(id)) {
                error(id, UploadCodes.UPLOAD_END_AMBIGUOUS, "This end is reached after a rejection and without one:"
                        + " draw a separate end event for rejections");
                continue;
            } else {
                isRejected = rejected.contains(id) || namedRejected(end);
            }
            finish(end, isRejected, set);
        }
    }

    private void finish(Element end, boolean rejected, String set) {
        String id = graph.freeId(rejected ? FlowPlans.ON_REJECTED : FlowPlans.ON_APPROVED);
        Element task = graph.serviceTask(id, rejected ? "Rejected" : "Approved", RuntimeContract.UPDATE);
        if (set != null) {
            graph.property(task, UploadReader.SET, set);
        }
        for (Element flow : graph.incoming(end.getAttribute("id"))) {
            flow.setAttribute("targetRef", id);
        }
        graph.flow(id, end.getAttribute("id"));
        graph.place(id, end.getAttribute("id"), -32);
        if (rejected && rejectedFinish == null) {
            rejectedFinish = id;
        }
    }

    private void timers(String task) {
        List<Element> timers = graph.boundaryEvents(task).stream()
                .filter(b -> Dom.child(b, "timerEventDefinition") != null).toList();
        if (timers.isEmpty()) {
            return;
        }
        if (timers.size() > 1) {
            error(timers.get(1).getAttribute("id"), UploadCodes.UPLOAD_TIMER_UNMAPPED, "A user task has one timer");
            return;
        }
        Element timer = timers.get(0);
        String timerId = timer.getAttribute("id");
        String after = Dom.text(Dom.child(Dom.child(timer, "timerEventDefinition"), "timeDuration"));
        List<Element> out = graph.outgoing(timerId);
        if (after == null || after.isEmpty()) {
            error(timerId, UploadCodes.UPLOAD_TIMER_UNMAPPED,
                    "A timer on a user task waits a duration (timeDuration such as P2D or PT4H), not a date or a cycle");
            return;
        }
        if (out.size() != 1) {
            error(timerId, UploadCodes.UPLOAD_TIMER_UNMAPPED, "A timer on a user task has exactly one outgoing flow");
            return;
        }
        String action = ProcessGraph.interrupting(timer) ? decision(timerId) : "remind";
        if (action == null) {
            return;
        }
        String timeoutId = task + FlowPlans.TIMEOUT_SUFFIX;
        if (graph.used(timeoutId)) {
            error(timerId, UploadCodes.UPLOAD_TIMER_UNMAPPED, "Another element already has the id " + timeoutId);
            return;
        }
        com.fasterxml.jackson.databind.node.ObjectNode timeout = com.fasterxml.jackson.databind.node.JsonNodeFactory
                .instance.objectNode().put("after", after).put("action", action);
        graph.property(graph.node(task), UploadReader.TIMEOUT, timeout.toString());
        graph.serviceTask(timeoutId, action, RuntimeContract.TIMEOUT);
        graph.place(timeoutId, timerId, -32);
        Element flow = out.get(0);
        String target = flow.getAttribute("targetRef");
        flow.setAttribute("targetRef", timeoutId);
        graph.flow(timeoutId, target);
    }

    /** approve or reject, from the finishes an interrupting timer's path reaches; null (reported) when neither. */
    private String decision(String timerId) {
        Set<String> reached = graph.reach(List.of(timerId), f -> true, b -> false,
                n -> Dom.isBpmn(n, "userTask") || isFinish(n));
        boolean approves = false;
        boolean rejects = false;
        boolean task = false;
        for (String id : reached) {
            Element node = graph.node(id);
            if (node == null || id.equals(timerId)) {
                continue;
            }
            task |= Dom.isBpmn(node, "userTask");
            approves |= isFinish(node) && id.startsWith(FlowPlans.ON_APPROVED);
            rejects |= isFinish(node) && id.startsWith(FlowPlans.ON_REJECTED);
        }
        if (task || approves == rejects) {
            error(timerId, UploadCodes.UPLOAD_TIMER_UNMAPPED, "An interrupting timer decides the task: lead it to an"
                    + " approved or to a rejected end (not through another user task), or make it non-interrupting to remind");
            return null;
        }
        return approves ? "approve" : "reject";
    }

    private void outcomeGateway(String task) {
        List<Element> out = graph.outgoing(task);
        if (out.size() != 1 || Dom.child(out.get(0), "conditionExpression") != null) {
            error(task, UploadCodes.UPLOAD_FLOW_UNMAPPED, "A user task has one outgoing flow without a condition:"
                    + " to split after it, draw a gateway");
            return;
        }
        String gatewayId = graph.freeId(task + ".outcome");
        Element gateway = graph.add("exclusiveGateway", gatewayId);
        Element next = out.get(0);
        next.setAttribute("sourceRef", gatewayId);
        gateway.setAttribute("default", next.getAttribute("id"));
        graph.flow(task, gatewayId);
        graph.place(gatewayId, task, 110);
        Element rejection = graph.flow(gatewayId, rejectedFinish(gatewayId));
        graph.condition(rejection, RuntimeContract.rejected(task));
    }

    /** Where a rejection nobody drew goes: the first rejected end's finish, or a rejected end of its own. */
    private String rejectedFinish(String gateway) {
        if (rejectedFinish == null) {
            rejectedFinish = graph.freeId(FlowPlans.ON_REJECTED);
            graph.serviceTask(rejectedFinish, "Rejected", RuntimeContract.UPDATE);
            graph.place(rejectedFinish, gateway, -25);
            String end = graph.freeId("_rejected");
            graph.add("endEvent", end).setAttribute("name", "Rejected");
            graph.place(end, rejectedFinish, 150);
            graph.flow(rejectedFinish, end);
        }
        return rejectedFinish;
    }

    private boolean behindFinish(String endId) {
        return graph.incoming(endId).stream().map(f -> graph.node(f.getAttribute("sourceRef")))
                .anyMatch(n -> n != null && isFinish(n));
    }

    private static boolean isFinish(Element node) {
        return Dom.isBpmn(node, "serviceTask") && RuntimeContract.UPDATE.equals(Dom.engineAttribute(node, "delegateExpression"))
                && FlowPlans.finishOf(node.getAttribute("id")).isPresent();
    }

    private static boolean testsRejection(Element flow) {
        return UploadReader.call(Dom.text(Dom.child(flow, "conditionExpression")), "rejected") != null;
    }

    private static boolean namedRejected(Element end) {
        String text = (end.getAttribute("name") + " " + end.getAttribute("id")).toLowerCase(Locale.ROOT);
        return REJECTED_NAME.matcher(text).find();
    }

    private void error(String id, String code, String message) {
        problems.add(Problem.error(pointer.apply(id), code, message));
    }
}
