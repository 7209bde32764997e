package dev.brickwork.forms;

public enum Severity {
    ERROR, WARNING;

    /** The lower-case form used in the JSON API. */
    @com.fasterxml.jackson.annotation.JsonValue
    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
