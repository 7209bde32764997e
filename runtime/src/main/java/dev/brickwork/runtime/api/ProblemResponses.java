package dev.brickwork.runtime.api;

import dev.brickwork.platform.http.ProblemDetail;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Every operation can fail with a problem (docs/spec.md §1): this filter gives each documented 4xx and 5xx answer
 * the {@code Problem} schema and adds the {@code 4XX} range to every operation, so no resource repeats it.
 * Registered with {@code mp.openapi.filter}.
 */
public class ProblemResponses implements OASFilter {

    static final String PROBLEM = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(path -> path.getOperations().values().forEach(ProblemResponses::describe));
    }

    private static void describe(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        responses.getAPIResponses().forEach((code, response) -> {
            if ((code.startsWith("4") || code.startsWith("5")) && response.getContent() == null) {
                response.setContent(problem());
            }
        });
        if (!responses.hasAPIResponse("4XX")) {
            responses.addAPIResponse("4XX", OASFactory.createAPIResponse()
                    .description("The request is refused; nothing changed").content(problem()));
        }
    }

    private static Content problem() {
        return OASFactory.createContent().addMediaType(ProblemDetail.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM)));
    }
}
