package dev.brickwork.runtime.records;

import dev.brickwork.platform.http.ProblemType;

/** What the records API answers when it refuses. */
public enum RecordProblem implements ProblemType {
    FORM_NOT_FOUND(404, "No such published form"),
    RECORD_NOT_FOUND(404, "No such record"),
    DUPLICATE(409, "A duplicate rule blocks this record"),
    NOT_UNIQUE(409, "A unique field already has this value"),
    APPROVAL_PENDING(409, "The record is waiting for approval"),
    APPROVAL_STATE(409, "The record's approval state does not allow this"),
    FORM_CHANGED(409, "The form was published again during the call"),
    RECORD_STALE(412, "The record has changed since it was read"),
    RECORD_INVALID(422, "The record is invalid"),
    IDEMPOTENCY_KEY_REUSED(422, "The Idempotency-Key was used for a create on another form");

    private final int status;
    private final String title;

    RecordProblem(int status, String title) {
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
