package dev.brickwork.workflow.plan;

/**
 * The problem codes of an uploaded BPMN beyond the linter's ({@code LintCodes}); each problem's pointer is
 * {@code /bpmn/<element id>} (or {@code /bpmn}). Problems inside a {@code brickwork.*} property's JSON keep the flow
 * reader's codes ({@code ROLE_UNKNOWN}, {@code SET_FIELD_UNKNOWN}, {@code EXPR_UNKNOWN_FIELD}, ...).
 */
public final class UploadCodes {

    private UploadCodes() {
    }

    /** not exactly one process */
    public static final String UPLOAD_PROCESS_INVALID = "UPLOAD_PROCESS_INVALID";
    /** a required {@code brickwork.*} property is missing */
    public static final String UPLOAD_PROPERTY_MISSING = "UPLOAD_PROPERTY_MISSING";
    /** a {@code brickwork.*} property this element cannot have, or given twice */
    public static final String UPLOAD_PROPERTY_UNKNOWN = "UPLOAD_PROPERTY_UNKNOWN";
    /** a property that is not Brickwork's: kept in the file, ignored by Brickwork (a warning) */
    public static final String UPLOAD_PROPERTY_IGNORED = "UPLOAD_PROPERTY_IGNORED";
    /** a property whose value is not the JSON it must hold */
    public static final String UPLOAD_PROPERTY_JSON = "UPLOAD_PROPERTY_JSON";
    /** a user task that is not a Brickwork approval (multi-instance over {@code brickwork.approvers}) */
    public static final String UPLOAD_USER_TASK_UNSUPPORTED = "UPLOAD_USER_TASK_UNSUPPORTED";
    /** an element id that does not match the key its expression names ({@code <key>}, {@code <key>.timeout}) */
    public static final String UPLOAD_ID_MISMATCH = "UPLOAD_ID_MISMATCH";
    /** the multi-instance shape (sequential, completion condition, assignee) does not fit {@code brickwork.mode} */
    public static final String UPLOAD_MODE_MISMATCH = "UPLOAD_MODE_MISMATCH";
    /** an expression names an approval the file does not have */
    public static final String UPLOAD_APPROVAL_UNKNOWN = "UPLOAD_APPROVAL_UNKNOWN";
    /** two flows use the same condition id */
    public static final String UPLOAD_CONDITION_DUPLICATE = "UPLOAD_CONDITION_DUPLICATE";
    /** a timeout without its timer and {@code <key>.timeout} task, or a timer that does not fit the timeout */
    public static final String UPLOAD_TIMEOUT_MISMATCH = "UPLOAD_TIMEOUT_MISMATCH";
    /** {@code _onApproved} (or, with approvals, {@code _onRejected}) is missing */
    public static final String UPLOAD_FINISH_MISSING = "UPLOAD_FINISH_MISSING";
    /** a standard user task that says nobody decides (no assignee, candidateUsers or candidateGroups) */
    public static final String UPLOAD_APPROVERS_MISSING = "UPLOAD_APPROVERS_MISSING";
    /** an assignee or candidate user {@code ${name}} where name is not a user field of the form */
    public static final String UPLOAD_ASSIGNEE_UNMAPPED = "UPLOAD_ASSIGNEE_UNMAPPED";
    /** an assignee or candidate user that is no Brickwork user's username */
    public static final String UPLOAD_USER_UNKNOWN = "UPLOAD_USER_UNKNOWN";
    /** multi-instance by count ({@code loopCardinality}) */
    public static final String UPLOAD_LOOP_UNSUPPORTED = "UPLOAD_LOOP_UNSUPPORTED";
    /** a shape the mapping cannot turn into Brickwork's: a user task with several ways out, a decision condition elsewhere than after a task */
    public static final String UPLOAD_FLOW_UNMAPPED = "UPLOAD_FLOW_UNMAPPED";
    /** a timer on a user task that is not a duration, or that leads to no single outcome */
    public static final String UPLOAD_TIMER_UNMAPPED = "UPLOAD_TIMER_UNMAPPED";
    /** an end event reached both after a rejection and without one, or by a reminder's path and the main path */
    public static final String UPLOAD_END_AMBIGUOUS = "UPLOAD_END_AMBIGUOUS";
}
