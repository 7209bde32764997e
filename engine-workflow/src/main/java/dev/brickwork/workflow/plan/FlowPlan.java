package dev.brickwork.workflow.plan;

import dev.brickwork.forms.model.Label;

import dev.brickwork.workflow.model.ApprovalMode;
import dev.brickwork.workflow.model.Approver;
import dev.brickwork.workflow.model.Outcome;
import dev.brickwork.workflow.model.Timeout;
import dev.brickwork.workflow.model.Trigger;

import java.util.List;
import java.util.Map;

/**
 * What the runtime needs to run one deployed flow version, keyed the way the engine calls back: approvals by node
 * key ({@code brickwork.approvers}), conditions by condition id ({@code brickwork.condition}) and service tasks by
 * BPMN activity id ({@code brickworkNotify}, {@code brickworkUpdate}, {@code brickworkTimeout}). Made from a designed
 * flow ({@link FlowPlans#of}) or from an uploaded BPMN; stored beside the deployment as JSON ({@link FlowPlanJson}).
 *
 * @param key        the flow key, also the BPMN process id
 * @param form       the key of the form whose records the flow runs on
 * @param trigger    when the flow starts
 * @param approvals  approval node key to who decides and how
 * @param conditions condition id to its source text in the expression language
 * @param activities service-task activity id to what it does
 * @param bpmn       the BPMN XML deployed
 */
public record FlowPlan(String key, String form, Trigger trigger, Map<String, Approval> approvals,
                       Map<String, String> conditions, Map<String, Activity> activities, String bpmn) {

    public FlowPlan {
        approvals = Map.copyOf(approvals);
        conditions = Map.copyOf(conditions);
        activities = Map.copyOf(activities);
    }

    /**
     * One approval node.
     *
     * @param label   what the step is called in an inbox and an approval panel, per language (the node key when the
     *                flow gives no label)
     * @param timeout null when the node has none; an escalation's approvers are {@code timeout.to()}
     */
    public record Approval(String key, Label label, List<Approver> approvers, ApprovalMode mode, Timeout timeout) {
        public Approval {
            approvers = List.copyOf(approvers);
        }
    }

    /** What a service task does. */
    public sealed interface Activity {
    }

    /** A notify node: the message, with {@code {field}} placeholders, to the resolved users. */
    public record Notify(List<Approver> to, String message) implements Activity {
        public Notify {
            to = List.copyOf(to);
        }
    }

    /** An update node: field values written to the record. */
    public record Update(Outcome set) implements Activity {
    }

    /** {@code _onApproved} / {@code _onRejected}: the record's approval state and the flow's outcome values. */
    public record Finish(boolean approved, Outcome set) implements Activity {
    }

    /** {@code <key>.timeout}: a timer on approval {@code node} fired; carry out its action. */
    public record TimedOut(String node) implements Activity {
    }
}
