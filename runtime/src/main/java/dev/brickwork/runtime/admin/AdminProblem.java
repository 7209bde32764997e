package dev.brickwork.runtime.admin;

import dev.brickwork.platform.http.ProblemType;

/** What the administration API answers when it refuses. */
public enum AdminProblem implements ProblemType {
    USER_NOT_FOUND(404, "No such user"),
    DEPARTMENT_NOT_FOUND(404, "No such department"),
    ROLE_NOT_FOUND(404, "No such role"),
    TOKEN_NOT_FOUND(404, "No such API token"),
    USERNAME_TAKEN(409, "The username is taken"),
    LAST_ADMIN(409, "The last administrator must stay an enabled administrator"),
    STALE_VERSION(412, "The resource has changed since it was read"),
    USER_INVALID(422, "The user is invalid"),
    DEPARTMENT_INVALID(422, "The department is invalid"),
    ROLE_INVALID(422, "The role is invalid"),
    TOKEN_INVALID(422, "The API token request is invalid"),
    AUDIT_QUERY_INVALID(422, "The audit query is invalid");

    private final int status;
    private final String title;

    AdminProblem(int status, String title) {
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
