package dev.brickwork.workflow.read;

/**
 * The problem codes a flow definition can get. The generic shape codes ({@code PROPERTY_UNKNOWN},
 * {@code PROPERTY_REQUIRED}, {@code PROPERTY_TYPE}, {@code KEY_INVALID}) are engine-forms' {@code DefinitionCodes},
 * and expression problems keep the expression language's codes ({@code EXPR_UNKNOWN_FIELD}, ...).
 */
public final class FlowCodes {

    private FlowCodes() {
    }

    public static final String FLOW_NOT_OBJECT = "FLOW_NOT_OBJECT";
    public static final String FLOW_SCHEMA_VERSION_UNSUPPORTED = "FLOW_SCHEMA_VERSION_UNSUPPORTED";
    /** the flow names another form than the one it is validated against */
    public static final String FLOW_FORM_MISMATCH = "FLOW_FORM_MISMATCH";
    public static final String FLOW_TOO_DEEP = "FLOW_TOO_DEEP";
    public static final String FLOW_TOO_LARGE = "FLOW_TOO_LARGE";

    public static final String NODE_TYPE_UNKNOWN = "NODE_TYPE_UNKNOWN";
    public static final String NODE_KEY_DUPLICATE = "NODE_KEY_DUPLICATE";
    public static final String APPROVERS_EMPTY = "APPROVERS_EMPTY";
    public static final String APPROVER_INVALID = "APPROVER_INVALID";
    public static final String ROLE_UNKNOWN = "ROLE_UNKNOWN";
    /** an approver or a placeholder names a field that is not a user field */
    public static final String USER_FIELD_INVALID = "USER_FIELD_INVALID";
    public static final String DURATION_INVALID = "DURATION_INVALID";
    /** {@code to} is missing on an escalation or given for another action */
    public static final String ESCALATION_TARGET_INVALID = "ESCALATION_TARGET_INVALID";

    public static final String BRANCHES_EMPTY = "BRANCHES_EMPTY";
    public static final String BRANCH_OTHERWISE_MISSING = "BRANCH_OTHERWISE_MISSING";
    public static final String BRANCH_OTHERWISE_DUPLICATE = "BRANCH_OTHERWISE_DUPLICATE";
    /** a branch with both {@code when} and {@code otherwise}, or with neither */
    public static final String BRANCH_CONDITION_INVALID = "BRANCH_CONDITION_INVALID";

    public static final String SET_EMPTY = "SET_EMPTY";
    public static final String SET_FIELD_UNKNOWN = "SET_FIELD_UNKNOWN";
    /** a computed field (formula, rollup, autonumber) or a subtable cannot be set */
    public static final String SET_FIELD_READ_ONLY = "SET_FIELD_READ_ONLY";
    /** a sensitive field cannot be set: the value would be kept in clear in the definition, its plan and the engine */
    public static final String SET_FIELD_SENSITIVE = "SET_FIELD_SENSITIVE";
    public static final String MESSAGE_PLACEHOLDER_UNKNOWN = "MESSAGE_PLACEHOLDER_UNKNOWN";
}
