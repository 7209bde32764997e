package dev.brickwork.platform.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * One located error inside a problem: where (a JSON pointer into what the client sent), what and why.
 * Never carries the rejected value.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ProblemError")
public record ProblemError(String pointer, String code, String severity, String message, List<BlockingRow> blockedBy) {

    public static ProblemError of(String pointer, String code, String message) {
        return new ProblemError(pointer, code, null, message, null);
    }

    /**
     * A stored row that blocks a change (for instance a value a new type cannot hold). The value is the admin's
     * own stored data, shown so it can be fixed; it is null for sensitive fields.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BlockingRow(String id, String value) {
    }
}
