package dev.brickwork.designer;

import dev.brickwork.platform.http.ProblemType;

/** What design calls answer when they refuse. */
public enum DesignProblem implements ProblemType {
    APP_NOT_FOUND(404, "No such app"),
    FORM_NOT_FOUND(404, "No such form"),
    VERSION_NOT_FOUND(404, "No such version"),
    APP_EXISTS(409, "An app with this key exists"),
    DRAFT_MISSING(409, "The form has no draft to publish"),
    APP_INVALID(422, "The app is invalid"),
    DEFINITION_INVALID(422, "The definition is invalid"),
    MIGRATION_BLOCKED(422, "Stored data blocks this publish");

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
