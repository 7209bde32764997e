package dev.brickwork.workflow.bpmn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.forms.model.Label;
import dev.brickwork.workflow.model.Approver;
import dev.brickwork.workflow.model.Outcome;
import dev.brickwork.workflow.model.Timeout;
import dev.brickwork.workflow.model.TimeoutAction;

import java.util.List;

/** The pieces of a flow as its JSON writes them: in a stored plan and in the {@code brickwork.*} properties of a BPMN. */
public final class DefinitionJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private DefinitionJson() {
    }

    public static ArrayNode approvers(List<Approver> approvers) {
        ArrayNode array = NODES.arrayNode();
        for (Approver approver : approvers) {
            ObjectNode json = array.addObject();
            if (approver instanceof Approver.User user) {
                json.put("user", user.id());
            } else if (approver instanceof Approver.Role role) {
                json.put("role", role.key());
            } else if (approver instanceof Approver.Field field) {
                json.put("field", field.field());
            } else if (approver instanceof Approver.ManagerOf managerOf) {
                json.put("managerOf", managerOf.field());
            } else if (approver instanceof Approver.Department department) {
                json.put("department", department.id());
            }
        }
        return array;
    }

    public static ObjectNode outcome(Outcome outcome) {
        ObjectNode json = NODES.objectNode();
        outcome.set().forEach((field, value) -> json.set(field, value.deepCopy()));
        return json;
    }

    /** A timeout as a flow writes it: {@code to} only for an escalation. */
    public static ObjectNode timeout(Timeout timeout) {
        ObjectNode json = NODES.objectNode();
        json.put("after", timeout.after());
        json.put("action", timeout.action().json());
        if (timeout.action() == TimeoutAction.ESCALATE) {
            json.set("to", approvers(timeout.to()));
        }
        return json;
    }

    /** A label as the definitions write it: a plain string, or an object of language tag to text. */
    public static JsonNode label(Label label) {
        if (label.plain() != null) {
            return NODES.textNode(label.plain());
        }
        ObjectNode json = NODES.objectNode();
        new java.util.TreeMap<>(label.translations()).forEach(json::put);
        return json;
    }
}
