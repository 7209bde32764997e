package dev.brickwork.runtime.samples;

import dev.brickwork.platform.http.ProblemType;

/** What the sample-data API answers when it refuses, and what a failed load reports. */
public enum SampleProblem implements ProblemType {
    APP_NOT_FOUND(404, "No such app"),
    SAMPLE_LOAD_NOT_FOUND(404, "No such sample load"),
    SAMPLE_LOAD_RUNNING(409, "A sample load is running"),
    SAMPLE_USERS_EXIST(409, "The sample users exist already"),
    SAMPLE_REQUEST_INVALID(422, "The sample load request is invalid"),
    SAMPLE_APP_UNFIT(422, "The app cannot take this sample data"),
    SAMPLE_LOAD_FAILED(500, "The sample load stopped");

    private final int status;
    private final String title;

    SampleProblem(int status, String title) {
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
