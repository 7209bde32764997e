package dev.brickwork.runtime.auth;

import dev.brickwork.platform.http.CommonProblem;
import dev.brickwork.platform.http.ProblemException;

/** A login refused because of earlier failures; the response says when to try again (Retry-After). */
public class LoginThrottledException extends ProblemException {

    private final long retryAfterSeconds;

    public LoginThrottledException(long retryAfterSeconds) {
        super(CommonProblem.TOO_MANY_REQUESTS, "Too many failed logins. Try again in " + retryAfterSeconds + " seconds.");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
