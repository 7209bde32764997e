package dev.brickwork.workflow.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brickwork.forms.Problem;
import dev.brickwork.forms.model.Label;
import dev.brickwork.forms.read.DefinitionCodes;
import dev.brickwork.forms.read.Props;
import dev.brickwork.workflow.bpmn.RuntimeContract;
import dev.brickwork.workflow.model.ApprovalMode;
import dev.brickwork.workflow.model.Approver;
import dev.brickwork.workflow.model.Outcome;
import dev.brickwork.workflow.model.Timeout;
import dev.brickwork.workflow.read.FlowContext;
import dev.brickwork.workflow.read.FlowParts;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;

/**
 * Reads the elements of one linted process into the parts of a plan: approvals from user tasks, conditions from
 * sequence flows, activities from service tasks, each from its {@code brickwork.*} properties and checked against
 * the form and roles with the flow reader's checks. Cross-element checks are {@link UploadChecks}'.
 */
final class UploadReader {

    static final String APPROVERS = "brickwork.approvers";
    static final String MODE = "brickwork.mode";
    static final String TIMEOUT = "brickwork.timeout";
    static final String WHEN = "brickwork.when";
    static final String SET = "brickwork.set";
    static final String TO = "brickwork.to";
    static final String MESSAGE = "brickwork.message";
    static final String LABEL = "brickwork.label";

    private final FlowContext context;
    private final List<Problem> problems;
    final Map<String, FlowPlan.Approval> approvals = new LinkedHashMap<>();
    final Map<String, String> conditions = new LinkedHashMap<>();
    final Map<String, FlowPlan.Activity> activities = new LinkedHashMap<>();
    /** element id to the approval key its {@code brickwork.rejected} expression names */
    final Map<String, String> rejectedReferences = new LinkedHashMap<>();
    final List<Element> boundaryEvents = new ArrayList<>();

    UploadReader(FlowContext context, List<Problem> problems) {
        this.context = context;
        this.problems = problems;
    }

    void read(Element process) {
        ElementProperties.of(process, problems).finish();
        for (Element element : Dom.descendants(process)) {
            if (!Dom.BPMN.equals(element.getNamespaceURI()) || !element.hasAttribute("id")) {
                continue;
            }
            switch (element.getLocalName()) {
                case "userTask" -> userTask(element);
                case "sequenceFlow" -> sequenceFlow(element);
                case "serviceTask" -> serviceTask(element);
                case "completionCondition" -> rejectedReference(element, Dom.text(element));
                default -> {
                    if ("boundaryEvent".equals(element.getLocalName())) {
                        boundaryEvents.add(element);
                    }
                    ElementProperties.of(element, problems).finish();
                }
            }
        }
    }

    private void userTask(Element task) {
        String id = task.getAttribute("id");
        ElementProperties props = ElementProperties.of(task, problems);
        Element loop = Dom.child(task, "multiInstanceLoopCharacteristics");
        String key = loop == null ? null : call(Dom.engineAttribute(loop, "collection"), "approvers");
        if (key == null) {
            props.error(UploadCodes.UPLOAD_USER_TASK_UNSUPPORTED, "A user task must be an approval: multi-instance"
                    + " over ${brickwork.approvers(execution, '<its id>')}");
            return;
        }
        if (!key.equals(id)) {
            props.error(UploadCodes.UPLOAD_ID_MISMATCH, "An approval's id must be the key its approvers expression names");
        } else if (!Props.KEY.matcher(id).matches()) {
            props.error(DefinitionCodes.KEY_INVALID,
                    "An approval's id is a key: it starts with a-z and has at most 40 characters a-z, 0-9 and _");
        }
        List<Approver> approvers = approvers(props, APPROVERS);
        ApprovalMode mode = mode(props);
        Timeout timeout = timeout(props);
        ApprovalShape.check(props, task, loop, mode);
        Label label = label(props, task);
        props.finish();
        approvals.put(id, new FlowPlan.Approval(id, label, approvers, mode, timeout));
    }

    /** {@code brickwork.label} (an object of language tag to text, as Brickwork exports it), else the task's name. */
    private static Label label(ElementProperties props, Element task) {
        JsonNode json = props.json(LABEL, false);
        if (json != null) {
            Map<String, String> texts = new LinkedHashMap<>();
            json.fields().forEachRemaining(e -> texts.put(e.getKey(), e.getValue().asText()));
            if (json.isObject() && !texts.isEmpty() && json.size() <= 20
                    && texts.values().stream().allMatch(t -> !t.isBlank() && t.length() <= 200)) {
                return new Label(null, texts);
            }
            props.error(DefinitionCodes.PROPERTY_VALUE_INVALID, LABEL + " is an object of language tag to text");
        }
        String name = task.getAttribute("name");
        return Label.of(name.isBlank() ? task.getAttribute("id") : name);
    }

    private ApprovalMode mode(ElementProperties props) {
        String name = props.text(MODE, false);
        if (name == null) {
            return ApprovalMode.ANY;
        }
        return ApprovalMode.fromJson(name).orElseGet(() -> {
            props.error(DefinitionCodes.PROPERTY_VALUE_INVALID, MODE + " is one of any, all, sequential");
            return ApprovalMode.ANY;
        });
    }

    private Timeout timeout(ElementProperties props) {
        JsonNode json = props.json(TIMEOUT, false);
        return json == null ? null : checked(props, TIMEOUT, parts -> parts.timeout(json, props.pointer()));
    }

    private void sequenceFlow(Element flow) {
        ElementProperties props = ElementProperties.of(flow, problems);
        String expression = Dom.text(Dom.child(flow, "conditionExpression"));
        String conditionId = call(expression, "condition");
        if (conditionId != null) {
            String when = props.text(WHEN, true);
            if (conditions.containsKey(conditionId)) {
                props.error(UploadCodes.UPLOAD_CONDITION_DUPLICATE, "Another flow uses the same condition id");
            } else if (when != null) {
                checked(props, "The condition", parts -> {
                    parts.condition(when, props.pointer());
                    return when;
                });
                conditions.put(conditionId, when);
            }
        } else {
            rejectedReference(flow, expression);
        }
        props.finish();
    }

    private void serviceTask(Element task) {
        String id = task.getAttribute("id");
        String delegate = Dom.engineAttribute(task, "delegateExpression");
        ElementProperties props = ElementProperties.of(task, problems);
        if (RuntimeContract.UPDATE.equals(delegate)) {
            java.util.Optional<Boolean> finish = FlowPlans.finishOf(id);
            Outcome set = set(props, finish.isEmpty());
            activities.put(id, finish.isPresent() ? new FlowPlan.Finish(finish.get(), set) : new FlowPlan.Update(set));
        } else if (RuntimeContract.NOTIFY.equals(delegate)) {
            List<Approver> to = approvers(props, TO);
            String message = props.text(MESSAGE, true);
            if (message != null) {
                checked(props, MESSAGE, parts -> {
                    parts.placeholders(message, props.pointer());
                    return message;
                });
            }
            activities.put(id, new FlowPlan.Notify(to, message == null ? "" : message));
        } else if (RuntimeContract.TIMEOUT.equals(delegate)) {
            if (id.endsWith(FlowPlans.TIMEOUT_SUFFIX) && id.length() > FlowPlans.TIMEOUT_SUFFIX.length()) {
                activities.put(id, new FlowPlan.TimedOut(id.substring(0, id.length() - FlowPlans.TIMEOUT_SUFFIX.length())));
            } else {
                props.error(UploadCodes.UPLOAD_ID_MISMATCH, "A timeout task's id is <approval key>.timeout");
            }
        }
        props.finish();
    }

    private List<Approver> approvers(ElementProperties props, String name) {
        JsonNode json = props.json(name, true);
        return json == null ? List.of() : checked(props, name, parts -> parts.approvers(json, props.pointer()));
    }

    private Outcome set(ElementProperties props, boolean required) {
        JsonNode json = props.json(SET, required);
        return json == null ? Outcome.NONE : checked(props, SET, parts -> parts.set(json, props.pointer()));
    }

    private void rejectedReference(Element element, String expression) {
        String key = call(expression, "rejected");
        if (key != null) {
            rejectedReferences.put(element.getAttribute("id"), key);
        }
    }

    /** Runs the flow reader's checks on one property; what they find is reported at the element, the property named. */
    private <T> T checked(ElementProperties props, String property, Function<FlowParts, T> read) {
        List<Problem> inner = new ArrayList<>();
        T value = read.apply(new FlowParts(context, inner));
        props.relocate(property, inner);
        return value;
    }

    /** The id in {@code ${brickwork.<method>(execution, '<id>')}}, or null when the text is not that call. */
    static String call(String expression, String method) {
        if (expression == null) {
            return null;
        }
        Matcher matcher = RuntimeContract.CALL.matcher(expression);
        return matcher.matches() && matcher.group(1).equals(method) ? matcher.group(2) : null;
    }
}
