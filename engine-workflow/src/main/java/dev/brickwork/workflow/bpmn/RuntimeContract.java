package dev.brickwork.workflow.bpmn;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The only expressions a Brickwork BPMN contains, and so the contract the runtime must implement by registering
 * these names with the engine (and nothing else: the engine gets no other beans).
 *
 * <ul>
 * <li>{@code brickwork} — an object with
 *   <ul>
 *   <li>{@code boolean condition(DelegateExecution execution, String conditionId)}: evaluates the branch condition
 *       {@code conditionId} (a key of {@link BpmnCompilation#conditions()}, kept in the flow JSON, never in the
 *       BPMN) with engine-forms' evaluator over the record whose id is the process business key;</li>
 *   <li>{@code Collection<String> approvers(DelegateExecution execution, String nodeKey)}: resolves the approvers
 *       of approval node {@code nodeKey} (or of its escalation, {@code nodeKey + ".escalation"}) to user ids;</li>
 *   <li>{@code boolean rejected(DelegateExecution execution, String nodeKey)}: whether any approver of the node
 *       has rejected (or a timeout rejected); the task API records decisions as the variable
 *       {@code rejected_<nodeKey>}.</li>
 *   </ul></li>
 * <li>{@code brickworkNotify}, {@code brickworkUpdate}, {@code brickworkTimeout} — {@code JavaDelegate}s that find
 *     their node by the current activity id (see {@link BpmnCompilation#elementIds()}): send a notify node's
 *     message, write an update node's {@code set} (the activities {@code _onApproved} / {@code _onRejected} also
 *     set the record's {@code approval} state), carry out a timeout's action.</li>
 * <li>{@code ${approver}} — the multi-instance element variable, the assignee of each approval task.</li>
 * <li>{@code ${nrOfCompletedInstances >= 1}} — the engine's own counter: an {@code any} approval ends at the first
 *     decision.</li>
 * </ul>
 */
public final class RuntimeContract {

    public static final String NOTIFY = "${brickworkNotify}";
    public static final String UPDATE = "${brickworkUpdate}";
    public static final String TIMEOUT = "${brickworkTimeout}";
    /** The delegate expressions a service task may have. */
    public static final Set<String> DELEGATES = Set.of(NOTIFY, UPDATE, TIMEOUT);

    public static final String ASSIGNEE = "${approver}";
    public static final String ELEMENT_VARIABLE = "approver";
    public static final String FIRST_DECISION = "${nrOfCompletedInstances >= 1}";
    /** What {@link #timerOf} appends to a node key, for queries that match timers to their tasks. */
    public static final String TIMER_SUFFIX = ".timer";

    /** Ids in our expressions: node keys, generated ids, condition ids; never a quote or a parenthesis. */
    private static final String ID = "[A-Za-z_][A-Za-z0-9_.\\-]{0,80}";
    /** Every expression a condition, collection or completion condition may hold. */
    public static final Pattern CALL = Pattern.compile(
            "^\\$\\{brickwork\\.(condition|approvers|rejected)\\(execution, '(" + ID + ")'\\)}$");

    private RuntimeContract() {
    }

    /** The id of the boundary timer of approval node {@code nodeKey}'s timeout. */
    public static String timerOf(String nodeKey) {
        return nodeKey + TIMER_SUFFIX;
    }

    public static String condition(String conditionId) {
        return call("condition", conditionId);
    }

    public static String approvers(String nodeKey) {
        return call("approvers", nodeKey);
    }

    public static String rejected(String nodeKey) {
        return call("rejected", nodeKey);
    }

    private static String call(String method, String id) {
        return "${brickwork." + method + "(execution, '" + id + "')}";
    }
}
