package dev.brickwork.designer.flow;

/**
 * Problem codes of flow drafts that only design time knows. Everything else a draft can get is engine-workflow's
 * ({@code FlowCodes}, {@code LintCodes}) or engine-forms' ({@code DefinitionCodes}, expression codes).
 */
public final class FlowDesignCodes {

    private FlowDesignCodes() {
    }

    /** the definition's {@code key} is not the flow key in the address */
    public static final String FLOW_KEY_MISMATCH = "FLOW_KEY_MISMATCH";
    /** the flow names a form of the app that has no published version (or does not exist) */
    public static final String FLOW_FORM_UNPUBLISHED = "FLOW_FORM_UNPUBLISHED";
    /** an uploaded BPMN that is not UTF-8 text */
    public static final String BPMN_ENCODING = "BPMN_ENCODING";
}
