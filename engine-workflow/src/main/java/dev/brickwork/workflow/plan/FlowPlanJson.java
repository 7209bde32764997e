package dev.brickwork.workflow.plan;

import dev.brickwork.forms.model.Label;
import dev.brickwork.workflow.bpmn.DefinitionJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.workflow.model.ApprovalMode;
import dev.brickwork.workflow.model.Approver;
import dev.brickwork.workflow.model.Outcome;
import dev.brickwork.workflow.model.Timeout;
import dev.brickwork.workflow.model.TimeoutAction;
import dev.brickwork.workflow.model.Trigger;
import dev.brickwork.workflow.model.TriggerEvent;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A {@link FlowPlan} as JSON, to be stored beside its deployment and read back (trusted: we wrote it). Approvers use
 * the flow format ({@code {"role": "legal"}}), enums their JSON names, activities carry a {@code type}
 * ({@code notify}, {@code update}, {@code finish}, {@code timedOut}). A document that is not a plan is refused with
 * an {@link IllegalArgumentException}.
 */
public final class FlowPlanJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private FlowPlanJson() {
    }

    public static JsonNode write(FlowPlan plan) {
        ObjectNode json = NODES.objectNode();
        json.put("key", plan.key());
        json.put("form", plan.form());
        if (plan.trigger() != null) {
            ObjectNode trigger = json.putObject("trigger");
            trigger.put("on", plan.trigger().on().json());
            if (plan.trigger().when() != null) {
                trigger.put("when", plan.trigger().when());
            }
        }
        ObjectNode approvals = json.putObject("approvals");
        plan.approvals().forEach((key, approval) -> approvals.set(key, approval(approval)));
        ObjectNode conditions = json.putObject("conditions");
        plan.conditions().forEach(conditions::put);
        ObjectNode activities = json.putObject("activities");
        plan.activities().forEach((id, activity) -> activities.set(id, activity(activity)));
        json.put("bpmn", plan.bpmn());
        return json;
    }

    public static FlowPlan read(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("A flow plan is a JSON object");
        }
        JsonNode triggerJson = json.get("trigger");
        Trigger trigger = triggerJson == null || triggerJson.isNull() ? null
                : new Trigger(TriggerEvent.fromJson(text(triggerJson, "on")).orElseThrow(() -> bad("trigger.on")),
                        optionalText(triggerJson, "when"));
        Map<String, FlowPlan.Approval> approvals = map(object(json, "approvals"), FlowPlanJson::approval);
        Map<String, String> conditions = map(object(json, "conditions"), FlowPlanJson::conditionText);
        Map<String, FlowPlan.Activity> activities = map(object(json, "activities"), FlowPlanJson::activity);
        return new FlowPlan(text(json, "key"), text(json, "form"), trigger, approvals, conditions, activities,
                text(json, "bpmn"));
    }

    private static ObjectNode approval(FlowPlan.Approval approval) {
        ObjectNode json = NODES.objectNode();
        json.set("label", labelJson(approval.label()));
        json.set("approvers", approvers(approval.approvers()));
        json.put("mode", approval.mode().json());
        Timeout timeout = approval.timeout();
        if (timeout != null) {
            ObjectNode t = json.putObject("timeout");
            t.put("after", timeout.after());
            t.put("action", timeout.action().json());
            t.set("to", approvers(timeout.to()));
        }
        return json;
    }

    private static FlowPlan.Approval approval(String key, JsonNode json) {
        if (!json.isObject()) {
            throw bad("approvals." + key);
        }
        JsonNode t = json.get("timeout");
        Timeout timeout = t == null || t.isNull() ? null : new Timeout(text(t, "after"),
                TimeoutAction.fromJson(text(t, "action")).orElseThrow(() -> bad("timeout.action")),
                approvers(t.get("to")));
        return new FlowPlan.Approval(key, label(json.get("label")), approvers(json.get("approvers")),
                ApprovalMode.fromJson(text(json, "mode")).orElseThrow(() -> bad("mode")), timeout);
    }

    /** A label as the definitions write it: a plain string, or an object of language tag to text. */
    public static JsonNode labelJson(Label label) {
        return DefinitionJson.label(label);
    }

    /** Plans stored before labels had languages hold a string; both read back. */
    private static Label label(JsonNode json) {
        if (json != null && json.isTextual()) {
            return Label.of(json.textValue());
        }
        if (json == null || !json.isObject()) {
            throw bad("label");
        }
        Map<String, String> translations = new java.util.LinkedHashMap<>();
        json.fields().forEachRemaining(e -> translations.put(e.getKey(), e.getValue().asText()));
        return new Label(null, translations);
    }

    private static ObjectNode activity(FlowPlan.Activity activity) {
        ObjectNode json = NODES.objectNode();
        if (activity instanceof FlowPlan.Notify notify) {
            json.put("type", "notify");
            json.set("to", approvers(notify.to()));
            json.put("message", notify.message());
        } else if (activity instanceof FlowPlan.Update update) {
            json.put("type", "update");
            json.set("set", outcome(update.set()));
        } else if (activity instanceof FlowPlan.Finish finish) {
            json.put("type", "finish");
            json.put("approved", finish.approved());
            json.set("set", outcome(finish.set()));
        } else if (activity instanceof FlowPlan.TimedOut timedOut) {
            json.put("type", "timedOut");
            json.put("node", timedOut.node());
        }
        return json;
    }

    private static FlowPlan.Activity activity(String id, JsonNode json) {
        if (!json.isObject()) {
            throw bad("activities." + id);
        }
        return switch (text(json, "type")) {
            case "notify" -> new FlowPlan.Notify(approvers(json.get("to")), text(json, "message"));
            case "update" -> new FlowPlan.Update(outcome(json.get("set")));
            case "finish" -> new FlowPlan.Finish(bool(json, "approved"), outcome(json.get("set")));
            case "timedOut" -> new FlowPlan.TimedOut(text(json, "node"));
            default -> throw bad("activities." + id + ".type");
        };
    }

    private static ArrayNode approvers(List<Approver> approvers) {
        return DefinitionJson.approvers(approvers);
    }

    private static List<Approver> approvers(JsonNode array) {
        if (array == null || !array.isArray()) {
            throw bad("approvers");
        }
        List<Approver> approvers = new ArrayList<>();
        for (JsonNode json : array) {
            if (!json.isObject() || json.size() != 1) {
                throw bad("approver");
            }
            String kind = json.fieldNames().next();
            String value = text(json, kind);
            approvers.add(switch (kind) {
                case "user" -> new Approver.User(value);
                case "role" -> new Approver.Role(value);
                case "field" -> new Approver.Field(value);
                case "managerOf" -> new Approver.ManagerOf(value);
                case "department" -> new Approver.Department(value);
                default -> throw bad("approver");
            });
        }
        return approvers;
    }

    private static ObjectNode outcome(Outcome outcome) {
        return DefinitionJson.outcome(outcome);
    }

    private static Outcome outcome(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw bad("set");
        }
        Map<String, JsonNode> values = new LinkedHashMap<>();
        json.fields().forEachRemaining(entry -> values.put(entry.getKey(), entry.getValue().deepCopy()));
        return new Outcome(values);
    }

    private static String conditionText(String id, JsonNode json) {
        if (!json.isTextual()) {
            throw bad("conditions." + id);
        }
        return json.textValue();
    }

    private static <T> Map<String, T> map(JsonNode object, BiFunction<String, JsonNode, T> read) {
        Map<String, T> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> entries = object.fields(); entries.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = entries.next();
            map.put(entry.getKey(), read.apply(entry.getKey(), entry.getValue()));
        }
        return map;
    }

    private static JsonNode object(JsonNode json, String name) {
        JsonNode node = json.get(name);
        if (node == null || !node.isObject()) {
            throw bad(name);
        }
        return node;
    }

    private static String text(JsonNode json, String name) {
        JsonNode node = json.get(name);
        if (node == null || !node.isTextual()) {
            throw bad(name);
        }
        return node.textValue();
    }

    private static boolean bool(JsonNode json, String name) {
        JsonNode node = json.get(name);
        if (node == null || !node.isBoolean()) {
            throw bad(name);
        }
        return node.booleanValue();
    }

    private static String optionalText(JsonNode json, String name) {
        JsonNode node = json.get(name);
        return node == null || node.isNull() ? null : text(json, name);
    }

    private static IllegalArgumentException bad(String what) {
        return new IllegalArgumentException("Not a flow plan: '" + what + "' is missing or malformed");
    }
}
