package dev.brickwork.workflow.bpmn;

import dev.brickwork.workflow.model.ApprovalMode;
import dev.brickwork.workflow.model.Branch;
import dev.brickwork.workflow.model.FlowDefinition;
import dev.brickwork.workflow.model.FlowNode;
import org.operaton.bpm.model.bpmn.Bpmn;
import org.operaton.bpm.model.bpmn.instance.CompletionCondition;
import org.operaton.bpm.model.bpmn.instance.EndEvent;
import org.operaton.bpm.model.bpmn.instance.ExclusiveGateway;
import org.operaton.bpm.model.bpmn.instance.Gateway;
import org.operaton.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.operaton.bpm.model.bpmn.instance.ParallelGateway;
import org.operaton.bpm.model.bpmn.instance.SequenceFlow;
import org.operaton.bpm.model.bpmn.instance.ServiceTask;
import org.operaton.bpm.model.bpmn.instance.StartEvent;
import org.operaton.bpm.model.bpmn.instance.UserTask;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles a valid flow (one {@code FlowReader} read without errors) to BPMN 2.0 through the Operaton model API.
 * The BPMN holds only the expressions of {@link RuntimeContract}; condition texts stay in the flow.
 *
 * <p>Shapes: an approval is a multi-instance user task over {@code brickwork.approvers} followed by an exclusive
 * gateway that sends a rejection to {@code _onRejected}; {@code any} is parallel and completes at the first
 * decision, {@code all} is parallel and completes early on a rejection, {@code sequential} is sequential and stops
 * on a rejection. A timeout is a boundary timer into a {@code brickworkTimeout} task: interrupting for approve and
 * reject (which then go on to the outcome gateway), non-interrupting for remind and escalate. A branch node is an
 * exclusive split and join, the otherwise branch the default flow; a parallel node a parallel split and join.
 */
public final class FlowCompiler {

    /** Where a compiled path starts and ends (null when empty) and how many grid cells it takes. */
    private record Fragment(String entry, String exit, int columns, int rows) {
        static final Fragment EMPTY = new Fragment(null, null, 0, 1);
    }

    private final ProcessWriter writer;
    private final Map<String, String> elementIds = new LinkedHashMap<>();
    private final Map<String, String> conditions = new LinkedHashMap<>();
    /** approval node keys whose outcome gateway still needs its flow to {@code _onRejected} */
    private final List<String> rejectable = new ArrayList<>();

    private FlowCompiler(String key) {
        this.writer = new ProcessWriter(key);
    }

    public static BpmnCompilation compile(FlowDefinition flow) {
        FlowCompiler compiler = new FlowCompiler(flow.key());
        return compiler.process(flow);
    }

    private BpmnCompilation process(FlowDefinition flow) {
        writer.add(StartEvent.class, "_start", null, 0, 0);
        Fragment body = sequence(flow.nodes(), 1, 0);
        int end = 1 + body.columns();
        int bottom = body.rows();
        // the rejected path is laid out first so approvals can point at it; flows are added as nodes are compiled
        ServiceTask onRejected = writer.add(ServiceTask.class, "_onRejected", "Rejected", end, bottom);
        onRejected.setOperatonDelegateExpression(RuntimeContract.UPDATE);
        writer.properties(onRejected, set(flow.onRejected()));
        writer.add(EndEvent.class, "_rejected", "Rejected", end + 1, bottom);
        writer.flow("_onRejected", "_rejected", null);
        ServiceTask onApproved = writer.add(ServiceTask.class, "_onApproved", "Approved", end, 0);
        onApproved.setOperatonDelegateExpression(RuntimeContract.UPDATE);
        writer.properties(onApproved, set(flow.onApproved()));
        writer.add(EndEvent.class, "_approved", "Approved", end + 1, 0);
        writer.flow("_start", body.entry() == null ? "_onApproved" : body.entry(), null);
        if (body.exit() != null) {
            writer.flow(body.exit(), "_onApproved", null);
        }
        writer.flow("_onApproved", "_approved", null);
        rejectable.forEach(key -> writer.flow(key + ".outcome", "_onRejected", RuntimeContract.rejected(key)));
        Bpmn.validateModel(writer.model());
        return new BpmnCompilation(Bpmn.convertToString(writer.model()), elementIds, conditions);
    }

    private Fragment sequence(List<FlowNode> nodes, int column, int row) {
        String entry = null;
        String exit = null;
        int columns = 0;
        int rows = 1;
        for (FlowNode node : nodes) {
            Fragment fragment = node(node, column + columns, row);
            if (exit != null) {
                writer.flow(exit, fragment.entry(), null);
            }
            entry = entry == null ? fragment.entry() : entry;
            exit = fragment.exit();
            columns += fragment.columns();
            rows = Math.max(rows, fragment.rows());
        }
        return entry == null ? Fragment.EMPTY : new Fragment(entry, exit, columns, rows);
    }

    private Fragment node(FlowNode node, int column, int row) {
        if (node instanceof FlowNode.Approval approval) {
            return approval(approval, column, row);
        }
        if (node instanceof FlowNode.Choice choice) {
            return split(choice.id(), choice.branches(), ExclusiveGateway.class, column, row);
        }
        if (node instanceof FlowNode.Parallel parallel) {
            return split(parallel.id(), parallel.branches(), ParallelGateway.class, column, row);
        }
        if (node instanceof FlowNode.Notify notify) {
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("brickwork.to", DefinitionJson.approvers(notify.to()).toString());
            properties.put("brickwork.message", notify.message());
            return serviceTask(notify.id(), RuntimeContract.NOTIFY, properties, column, row);
        }
        return serviceTask(node.id(), RuntimeContract.UPDATE, set(((FlowNode.Update) node).set()), column, row);
    }

    private Fragment approval(FlowNode.Approval approval, int column, int row) {
        String key = approval.id();
        UserTask task = writer.add(UserTask.class, key, approval.label() == null ? key : approval.label().in("en"),
                column, row);
        task.setOperatonAssignee(RuntimeContract.ASSIGNEE);
        writer.properties(task, approvalProperties(approval));
        MultiInstanceLoopCharacteristics loop = writer.model().newInstance(MultiInstanceLoopCharacteristics.class);
        loop.setSequential(approval.mode() == ApprovalMode.SEQUENTIAL);
        loop.setOperatonCollection(RuntimeContract.approvers(key));
        loop.setOperatonElementVariable(RuntimeContract.ELEMENT_VARIABLE);
        CompletionCondition completion = writer.model().newInstance(CompletionCondition.class);
        completion.setTextContent(approval.mode() == ApprovalMode.ANY ? RuntimeContract.FIRST_DECISION
                : RuntimeContract.rejected(key));
        loop.setCompletionCondition(completion);
        task.setLoopCharacteristics(loop);
        String outcome = key + ".outcome";
        writer.add(ExclusiveGateway.class, outcome, null, column + 1, row);
        writer.flow(key, outcome, null);
        rejectable.add(key);
        writer.defaultNext(outcome);
        elementIds.put(key, key);
        if (approval.timeout() == null) {
            return new Fragment(key, outcome, 2, 1);
        }
        boolean decides = approval.timeout().action().decides();
        writer.timer(task, RuntimeContract.timerOf(key), approval.timeout().after(), decides);
        writer.add(ServiceTask.class, key + ".timeout", approval.timeout().action().json(), column, row + 1)
                .setOperatonDelegateExpression(RuntimeContract.TIMEOUT);
        writer.flow(RuntimeContract.timerOf(key), key + ".timeout", null);
        if (decides) {
            writer.flow(key + ".timeout", outcome, null);
        } else {
            writer.add(EndEvent.class, key + ".timeoutEnd", null, column + 1, row + 1);
            writer.flow(key + ".timeout", key + ".timeoutEnd", null);
        }
        return new Fragment(key, outcome, 2, 2);
    }

    private Fragment split(String id, List<Branch> branches, Class<? extends Gateway> type, int column, int row) {
        String split = id + ".split";
        String join = id + ".join";
        writer.add(type, split, null, column, row);
        elementIds.put(id, split);
        int rows = 0;
        int widest = 0;
        List<Fragment> placed = new ArrayList<>();
        for (Branch branch : branches) {
            Fragment fragment = sequence(branch.nodes(), column + 1, row + rows);
            placed.add(fragment);
            rows += fragment.rows();
            widest = Math.max(widest, fragment.columns());
        }
        writer.add(type, join, null, column + 1 + widest, row);
        for (int i = 0; i < branches.size(); i++) {
            Branch branch = branches.get(i);
            Fragment fragment = placed.get(i);
            String condition = null;
            if (branch.when() != null) {
                String conditionId = id + "." + i;
                conditions.put(conditionId, branch.when());
                condition = RuntimeContract.condition(conditionId);
            } else if (branch.otherwise()) {
                writer.defaultNext(split);
            }
            SequenceFlow flow = writer.flow(split, fragment.entry() == null ? join : fragment.entry(), condition);
            if (branch.when() != null) {
                writer.properties(flow, Map.of("brickwork.when", branch.when()));
            }
            if (fragment.exit() != null) {
                writer.flow(fragment.exit(), join, null);
            }
        }
        return new Fragment(split, join, widest + 2, Math.max(rows, 1));
    }

    private static Map<String, String> approvalProperties(FlowNode.Approval approval) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("brickwork.approvers", DefinitionJson.approvers(approval.approvers()).toString());
        properties.put("brickwork.mode", approval.mode().json());
        if (approval.timeout() != null) {
            properties.put("brickwork.timeout", DefinitionJson.timeout(approval.timeout()).toString());
        }
        if (approval.label() != null && approval.label().plain() == null) {
            properties.put("brickwork.label", DefinitionJson.label(approval.label()).toString());
        }
        return properties;
    }

    private static Map<String, String> set(dev.brickwork.workflow.model.Outcome outcome) {
        return outcome.set().isEmpty() ? Map.of() : Map.of("brickwork.set", DefinitionJson.outcome(outcome).toString());
    }

    private Fragment serviceTask(String id, String delegate, Map<String, String> properties, int column, int row) {
        ServiceTask task = writer.add(ServiceTask.class, id, null, column, row);
        task.setOperatonDelegateExpression(delegate);
        writer.properties(task, properties);
        elementIds.put(id, id);
        return new Fragment(id, id, 1, 1);
    }
}
