package dev.brickwork.designer.form;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brickwork.designer.CurrentUser;
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

import java.time.Instant;
import java.util.List;

/** Form drafts, publishing and published versions (SPEC §3). */
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

    public record DraftView(List<Problem> problems, Instant savedAt) {
    }

    public record VersionSummary(int version, Instant publishedAt) {
    }

    public record FormView(String key, JsonNode draft, List<Problem> problems, Instant draftSavedAt, Integer currentVersion,
                           List<VersionSummary> versions) {
    }

    public record VersionView(int version, JsonNode definition, JsonNode migration, Instant publishedAt) {
    }

    @PUT
    @Path("/draft")
    public Uni<Response> saveDraft(@PathParam("app") String app, @PathParam("form") String form,
                                   @HeaderParam("If-Match") String ifMatch, byte[] body) {
        JsonNode draft = JsonBodies.parse(body);
        return forms.saveDraft(app, form, draft, CurrentUser.id(identity), IfMatch.version(ifMatch))
                .map(saved -> Response.ok(new DraftView(saved.problems(), saved.form().draftSavedAt))
                        .tag(new EntityTag(String.valueOf(saved.form().version))).build());
    }

    @GET
    public Uni<Response> get(@PathParam("app") String app, @PathParam("form") String form) {
        return forms.get(app, form).map(view -> {
            FormEntity entity = view.form();
            List<Problem> problems = List.of(JsonBodies.mapper().convertValue(JsonBodies.parse(entity.draftProblems), Problem[].class));
            FormView body = new FormView(entity.formKey, entity.draft == null ? null : JsonBodies.parse(entity.draft), problems,
                    entity.draftSavedAt, entity.currentVersion,
                    view.versions().stream().map(v -> new VersionSummary(v.number, v.publishedAt)).toList());
            return Response.ok(body).tag(new EntityTag(String.valueOf(entity.version))).build();
        });
    }

    @GET
    @Path("/versions/{number}")
    public Uni<VersionView> version(@PathParam("app") String app, @PathParam("form") String form,
                                    @PathParam("number") int number) {
        return forms.version(app, form, number).map(v -> new VersionView(v.number, JsonBodies.parse(v.definition),
                JsonBodies.parse(v.migration), v.publishedAt));
    }

    @POST
    @Path("/publish")
    public Uni<PublishService.Published> publish(@PathParam("app") String app, @PathParam("form") String form,
                                                 @QueryParam("dryRun") @DefaultValue("false") boolean dryRun) {
        return publisher.publish(app, form, dryRun, CurrentUser.id(identity),
                identity.isAnonymous() ? null : identity.getPrincipal().getName());
    }
}
