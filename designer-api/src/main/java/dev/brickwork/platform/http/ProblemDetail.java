package dev.brickwork.platform.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The body of every error response: {@code application/problem+json} (docs/spec.md §1). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "An RFC 9457 problem (docs/spec.md §1): every 4xx and 5xx answer.")
public record ProblemDetail(String type, String title, int status, String code, String detail, List<ProblemError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public ProblemDetail {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static ProblemDetail of(ProblemType type, String detail, List<ProblemError> errors) {
        return new ProblemDetail(type.typeUri(), type.title(), type.status(), type.name(), detail, errors);
    }
}
