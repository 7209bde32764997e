package dev.brickwork.forms;

/**
 * One located finding about something a client sent: a definition or a record.
 *
 * @param pointer  JSON pointer (RFC 6901) into what the client sent, e.g. {@code /fields/3/expression}
 * @param code     a stable machine code, e.g. {@code EXPR_UNKNOWN_FIELD}
 * @param severity errors block publishing; warnings do not
 * @param message  English text for people; never contains the rejected value
 */
public record Problem(String pointer, String code, Severity severity, String message) {

    public static Problem error(String pointer, String code, String message) {
        return new Problem(pointer, code, Severity.ERROR, message);
    }

    public static Problem warning(String pointer, String code, String message) {
        return new Problem(pointer, code, Severity.WARNING, message);
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
