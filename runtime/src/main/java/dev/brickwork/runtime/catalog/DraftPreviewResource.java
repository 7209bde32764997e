package dev.brickwork.runtime.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.designer.DesignProblems;
import dev.brickwork.designer.form.FormService;
import dev.brickwork.designer.form.PublishedForms;
import dev.brickwork.designer.form.PublishedForms.PublishedForm;
import dev.brickwork.forms.record.RecordValidator;
import dev.brickwork.platform.http.CommonProblem;
import dev.brickwork.platform.http.JsonBodies;
import dev.brickwork.platform.http.ProblemError;
import dev.brickwork.platform.http.ProblemException;
import dev.brickwork.runtime.access.AccessService;
import dev.brickwork.runtime.api.CatalogApi.DraftPreview;
import dev.brickwork.runtime.records.RecordPreviews;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.Iterator;
import java.util.List;

/**
 * The form designer's live preview (docs/spec.md §3 addition): an unsaved draft shown as the staff app would show
 * it — the catalog's view of the form and the record preview of sample values — so the designer renders the same
 * record form component with the server's own semantics, and nothing is saved.
 */
@Path("/api/v1/design/apps/{app}/forms/{form}/preview")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class DraftPreviewResource {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Inject
    FormService forms;

    @Inject
    PublishedForms publishedForms;

    @Inject
    AccessService accessService;

    @Inject
    RecordValidator validator;

    @Inject
    SecurityIdentity identity;

    @POST
    @RequestBody(description = "{\"definition\": a form definition (docs/spec.md §2) as the designer holds it, \"fields\": sample values}",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
                    description = "docs/spec.md §3: definition and fields")))
    @APIResponse(responseCode = "200", description = "The draft's problems, its staff view and the preview of the sample values",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DraftPreview.class)))
    public Uni<String> preview(@PathParam("app") String app, @PathParam("form") String form,
                               @HeaderParam("Accept-Language") String language, byte[] body) {
        JsonNode request = JsonBodies.parse(body);
        JsonNode definition = definitionOf(request);
        ObjectNode sample = JSON.objectNode();
        sample.set("fields", request.path("fields").isMissingNode() ? JSON.objectNode() : request.get("fields"));
        return forms.checkDraft(app, form, definition).chain(checked -> publishedForms.all(app).chain(appForms ->
                accessService.of(identity).map(access -> {
                    ObjectNode answer = JSON.objectNode();
                    answer.set("problems", JsonBodies.mapper().valueToTree(DesignProblems.inLanguage(checked.problems(), language)));
                    if (checked.form().isEmpty()) {
                        answer.putNull("form");
                        answer.putNull("preview");
                        return answer.toString();
                    }
                    PublishedForm draft = new PublishedForm(app, 0, checked.form().get(), definition);
                    answer.set("form", StaffFormView.of(app, draft, access.form(app, form), appForms));
                    answer.set("preview", RecordPreviews.ofDraft(checked.form().get(), sample, validator));
                    return answer.toString();
                })));
    }

    /** The body's {@code definition}; a body with anything else than it and {@code fields} is refused where it errs. */
    private static JsonNode definitionOf(JsonNode request) {
        if (!request.isObject() || !request.path("definition").isObject()) {
            throw invalid("/definition", "PROPERTY_REQUIRED", "A preview has the draft as \"definition\" and sample \"fields\".");
        }
        for (Iterator<String> names = request.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("definition") && !name.equals("fields")) {
                throw invalid("/" + name.replace("~", "~0").replace("/", "~1"), "PROPERTY_UNKNOWN",
                        "A preview has only \"definition\" and \"fields\".");
            }
        }
        return request.get("definition");
    }

    private static ProblemException invalid(String pointer, String code, String message) {
        return new ProblemException(CommonProblem.REQUEST_INVALID, "The preview request is invalid.",
                List.of(ProblemError.of(pointer, code, message)));
    }
}
