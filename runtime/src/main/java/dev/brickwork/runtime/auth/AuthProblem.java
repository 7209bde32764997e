package dev.brickwork.runtime.auth;

import dev.brickwork.platform.http.ProblemType;

/** What login answers when it refuses. */
public enum AuthProblem implements ProblemType {
    CREDENTIALS_INVALID(401, "Wrong username or password"),
    LOGIN_INVALID(422, "The login request is invalid");

    private final int status;
    private final String title;

    AuthProblem(int status, String title) {
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
