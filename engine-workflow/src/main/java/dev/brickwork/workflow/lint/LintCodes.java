package dev.brickwork.workflow.lint;

/** The problem codes of an uploaded BPMN; each problem's pointer is {@code /bpmn/<element id>} (or {@code /bpmn}). */
public final class LintCodes {

    private LintCodes() {
    }

    public static final String BPMN_TOO_LARGE = "BPMN_TOO_LARGE";
    /** a DOCTYPE: entity expansion and external entities are refused outright */
    public static final String BPMN_XXE = "BPMN_XXE";
    public static final String BPMN_MALFORMED = "BPMN_MALFORMED";
    /** well-formed XML the BPMN model refuses (schema, references) */
    public static final String BPMN_INVALID = "BPMN_INVALID";
    public static final String BPMN_ELEMENT_FORBIDDEN = "BPMN_ELEMENT_FORBIDDEN";
    public static final String BPMN_ATTRIBUTE_FORBIDDEN = "BPMN_ATTRIBUTE_FORBIDDEN";
    /** a script task, a script, or a condition in a script language */
    public static final String BPMN_SCRIPT_TASK = "BPMN_SCRIPT_TASK";
    /** operaton:class / camunda:class: a Java class the engine would load */
    public static final String BPMN_JAVA_CLASS = "BPMN_JAVA_CLASS";
    /** an expression that is not one of ours (it could call any bean or method) */
    public static final String BPMN_EXPRESSION = "BPMN_EXPRESSION";
    /** a delegate expression outside our registry */
    public static final String BPMN_DELEGATE_UNKNOWN = "BPMN_DELEGATE_UNKNOWN";
    /** a service task that is not one of our delegates (external task, connector, none) */
    public static final String BPMN_SERVICE_TASK_UNSUPPORTED = "BPMN_SERVICE_TASK_UNSUPPORTED";
    /** an import, operaton:resource or anything else that loads from outside the file */
    public static final String BPMN_EXTERNAL_RESOURCE = "BPMN_EXTERNAL_RESOURCE";
    /** a warning: a tasklist-only extension ({@code formKey}, {@code formData}, {@code asyncBefore}, ...), ignored */
    public static final String BPMN_IGNORED = "BPMN_IGNORED";
}
