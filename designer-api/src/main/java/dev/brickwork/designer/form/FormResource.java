package dev.brickwork.designer.form;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brickwork.designer.CurrentUser;
import dev.brickwork.designer.DesignProblems;
import dev.brickwork.designer.migration.MigrationStep;
import dev.brickwork.forms.Problem;
import dev.brickwork.platform.http.IfMatch;
import dev.brickwork.platform.http.JsonBodies;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Form drafts, publishing and published versions (docs/spec.md §3). */
@Path("/api/v1/design/apps/{app}/forms/{form}")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class FormResource {

    @Inject
    FormService forms;

    @Inject
    PublishService publisher;

    @Inject
    SecurityIdentity identity;

    @Schema(name = "FormDraftSaved")
    public record DraftView(List<Problem> problems, Instant savedAt) {
    }

    @Schema(name = "FormVersionSummary")
    public record VersionSummary(int version, Instant publishedAt, UUID publishedBy) {
    }

    @Schema(name = "Form")
    public record FormView(String key, JsonNode draft, List<Problem> problems, Instant draftSavedAt, Integer currentVersion,
                           List<VersionSummary> versions) {
    }

    @Schema(name = "FormVersion")
    public record VersionView(int version, JsonNode definition,
                              @Schema(type = SchemaType.ARRAY, implementation = MigrationStep.class) JsonNode migration,
                              Instant publishedAt, UUID publishedBy) {
    }

    @PUT
    @Path("/draft")
    @RequestBody(description = "A form definition (docs/spec.md §2); it may be unfinished",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
                    description = "docs/spec.md §2")))
    @APIResponse(responseCode = "200", description = "The draft is saved, with its problems",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DraftView.class)))
    public Uni<Response> saveDraft(@PathParam("app") String app, @PathParam("form") String form,
                                   @HeaderParam("If-Match") String ifMatch, @HeaderParam("Accept-Language") String language,
                                   byte[] body) {
        JsonNode draft = JsonBodies.parse(body);
        return forms.saveDraft(app, form, draft, CurrentUser.id(identity), IfMatch.version(ifMatch))
                .map(saved -> Response.ok(new DraftView(DesignProblems.inLanguage(saved.problems(), language), saved.form().draftSavedAt))
                        .tag(new EntityTag(String.valueOf(saved.form().version))).build());
    }

    @Schema(name = "FormDraftChecked")
    public record CheckView(List<Problem> problems) {
    }

    @POST
    @Path("/check")
    @RequestBody(description = "A form definition (docs/spec.md §2) as the designer holds it; nothing is saved",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
                    description = "docs/spec.md §2")))
    @APIResponse(responseCode = "200", description = "Every problem a save of this draft would store",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CheckView.class)))
    public Uni<CheckView> check(@PathParam("app") String app, @PathParam("form") String form,
                                @HeaderParam("Accept-Language") String language, byte[] body) {
        JsonNode draft = JsonBodies.parse(body);
        return forms.checkDraft(app, form, draft).map(checked -> new CheckView(DesignProblems.inLanguage(checked.problems(), language)));
    }

    @GET
    @APIResponse(responseCode = "200", description = "The draft and the published versions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FormView.class)))
    public Uni<Response> get(@PathParam("app") String app, @PathParam("form") String form,
                             @HeaderParam("Accept-Language") String language) {
        return forms.get(app, form).map(view -> {
            FormEntity entity = view.form();
            List<Problem> problems = List.of(JsonBodies.mapper().convertValue(JsonBodies.parse(entity.draftProblems), Problem[].class));
            FormView body = new FormView(entity.formKey, entity.draft == null ? null : JsonBodies.parse(entity.draft),
                    DesignProblems.inLanguage(problems, language),
                    entity.draftSavedAt, entity.currentVersion,
                    view.versions().stream().map(v -> new VersionSummary(v.number, v.publishedAt, v.publishedBy)).toList());
            return Response.ok(body).tag(new EntityTag(String.valueOf(entity.version))).build();
        });
    }

    @GET
    @Path("/versions/{number}")
    public Uni<VersionView> version(@PathParam("app") String app, @PathParam("form") String form,
                                    @PathParam("number") int number) {
        return forms.version(app, form, number).map(v -> new VersionView(v.number, JsonBodies.parse(v.definition),
                JsonBodies.parse(v.migration), v.publishedAt, v.publishedBy));
    }

    @POST
    @Path("/publish")
    public Uni<PublishService.Published> publish(@PathParam("app") String app, @PathParam("form") String form,
                                                 @QueryParam("dryRun") @DefaultValue("false") boolean dryRun) {
        return publisher.publish(app, form, dryRun, CurrentUser.id(identity),
                identity.isAnonymous() ? null : identity.getPrincipal().getName());
    }
}
