package dev.brickwork.workflow.plan;

import dev.brickwork.forms.model.Label;

import dev.brickwork.workflow.bpmn.BpmnCompilation;
import dev.brickwork.workflow.model.Branch;
import dev.brickwork.workflow.model.FlowDefinition;
import dev.brickwork.workflow.model.FlowNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Makes the {@link FlowPlan} of a designed flow from the flow and its compilation. */
public final class FlowPlans {

    /** The activity ids the compiler gives the two ends' update tasks. */
    public static final String ON_APPROVED = "_onApproved";
    public static final String ON_REJECTED = "_onRejected";
    /** The suffix of the service task a timeout's timer leads to: {@code <approval key>.timeout}. */
    public static final String TIMEOUT_SUFFIX = ".timeout";

    /**
     * Whether a service task id is a finish: {@code _onApproved} / {@code _onRejected}, or one of the further finishes
     * an upload with several ends gets ({@code _onApproved.2} ...); true for approved, false for rejected.
     */
    public static java.util.Optional<Boolean> finishOf(String activityId) {
        if (ON_APPROVED.equals(activityId) || activityId.startsWith(ON_APPROVED + ".")) {
            return java.util.Optional.of(true);
        }
        if (ON_REJECTED.equals(activityId) || activityId.startsWith(ON_REJECTED + ".")) {
            return java.util.Optional.of(false);
        }
        return java.util.Optional.empty();
    }

    private final BpmnCompilation compilation;
    private final Map<String, FlowPlan.Approval> approvals = new LinkedHashMap<>();
    private final Map<String, FlowPlan.Activity> activities = new LinkedHashMap<>();

    private FlowPlans(BpmnCompilation compilation) {
        this.compilation = compilation;
    }

    /** The plan of a valid flow and its compilation by {@code FlowCompiler}. */
    public static FlowPlan of(FlowDefinition flow, BpmnCompilation compilation) {
        FlowPlans plans = new FlowPlans(compilation);
        plans.walk(flow.nodes());
        plans.activities.put(ON_APPROVED, new FlowPlan.Finish(true, flow.onApproved()));
        plans.activities.put(ON_REJECTED, new FlowPlan.Finish(false, flow.onRejected()));
        return new FlowPlan(flow.key(), flow.form(), flow.trigger(), plans.approvals, compilation.conditions(),
                plans.activities, compilation.xml());
    }

    private void walk(List<FlowNode> nodes) {
        for (FlowNode node : nodes) {
            if (node instanceof FlowNode.Approval approval) {
                approvals.put(approval.id(), new FlowPlan.Approval(approval.id(),
                        approval.label() != null ? approval.label() : Label.of(approval.id()), approval.approvers(),
                        approval.mode(), approval.timeout()));
                if (approval.timeout() != null) {
                    activities.put(approval.id() + TIMEOUT_SUFFIX, new FlowPlan.TimedOut(approval.id()));
                }
            } else if (node instanceof FlowNode.Choice choice) {
                branches(choice.branches());
            } else if (node instanceof FlowNode.Parallel parallel) {
                branches(parallel.branches());
            } else if (node instanceof FlowNode.Notify notify) {
                activities.put(activityId(notify), new FlowPlan.Notify(notify.to(), notify.message()));
            } else if (node instanceof FlowNode.Update update) {
                activities.put(activityId(update), new FlowPlan.Update(update.set()));
            }
        }
    }

    private void branches(List<Branch> branches) {
        branches.forEach(branch -> walk(branch.nodes()));
    }

    private String activityId(FlowNode node) {
        String id = compilation.elementIds().get(node.id());
        if (id == null) {
            throw new IllegalArgumentException("The compilation is not of this flow: no element for a node");
        }
        return id;
    }
}
