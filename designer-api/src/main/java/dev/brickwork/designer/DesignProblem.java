package dev.brickwork.designer;

import dev.brickwork.platform.http.ProblemType;

/** What design calls answer when they refuse. */
public enum DesignProblem implements ProblemType {
    APP_NOT_FOUND(404, "No such app"),
    FORM_NOT_FOUND(404, "No such form"),
    FLOW_NOT_FOUND(404, "No such flow"),
    VERSION_NOT_FOUND(404, "No such version"),
    APP_EXISTS(409, "An app with this key exists"),
    DRAFT_MISSING(409, "The form has no draft to publish"),
    /** another save of the same form's draft committed first (for a new form: created it first) */
    DRAFT_CONFLICT(409, "The draft was saved by someone else at the same moment"),
    /** another publish of the same form committed first */
    PUBLISH_CONFLICT(409, "The form was published by someone else at the same moment"),
    FLOW_DRAFT_MISSING(409, "The flow has no draft to publish"),
    APP_INVALID(422, "The app is invalid"),
    DEFINITION_INVALID(422, "The definition is invalid"),
    /** a package with problems: every one located in the package (docs/spec.md §3); nothing was installed */
    PACKAGE_INVALID(422, "The package is invalid"),
    MIGRATION_BLOCKED(422, "Stored data blocks this publish"),
    /** PostgreSQL would refuse the tables this version needs (the column limit, a name taken) */
    STORAGE_CONFLICT(422, "The form's tables cannot take this version"),
    /** the BPMN engine failed or refused to deploy a flow that passed every check */
    FLOW_DEPLOY_FAILED(502, "The workflow engine did not deploy the flow"),
    /** the application around designer-api provides no {@code FlowEnvironment} */
    FLOW_ENGINE_MISSING(503, "No workflow engine is configured");

    private final int status;
    private final String title;

    DesignProblem(int status, String title) {
        this.status = status;
        this.title = title;
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String title() {
        return title;
    }
}
