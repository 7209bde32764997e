package dev.brickwork.runtime.admin;

import dev.brickwork.platform.http.IfMatch;
import dev.brickwork.platform.http.ProblemException;

import java.util.UUID;
import java.util.regex.Pattern;

/** Path and query parameters. */
final class Params {

    private static final Pattern UUID_TEXT = Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private Params() {
    }

    /** The UUID, or null when the text is not one (UUID.fromString alone accepts odd short forms). */
    static UUID uuid(String text) {
        return text != null && UUID_TEXT.matcher(text).matches() ? UUID.fromString(text) : null;
    }

    /** An id in the path: a malformed one names nothing, so it is the same 404 as an unknown one. */
    static UUID pathId(String text, AdminProblem notFound) {
        UUID id = uuid(text);
        if (id == null) {
            throw new ProblemException(notFound, "There is nothing with this id.");
        }
        return id;
    }

    static void requireVersion(Integer expected, int actual) {
        if (IfMatch.stale(expected, actual)) {
            throw new ProblemException(AdminProblem.STALE_VERSION, "Read it again and reapply your change.");
        }
    }
}
