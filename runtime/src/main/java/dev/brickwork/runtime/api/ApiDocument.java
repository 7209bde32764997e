package dev.brickwork.runtime.api;

import dev.brickwork.platform.http.ProblemDetail;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Puts the problem schema every error answer refers to ({@link ProblemResponses}) into the OpenAPI document. The
 * title, the description and the bearer security scheme are configured in application.properties; the operations
 * come from the resources (decision 0018).
 */
@OpenAPIDefinition(info = @Info(title = "Brickwork API", version = "1"),
        components = @Components(schemas = @Schema(name = "Problem", implementation = ProblemDetail.class)))
public final class ApiDocument {

    private ApiDocument() {
    }
}
