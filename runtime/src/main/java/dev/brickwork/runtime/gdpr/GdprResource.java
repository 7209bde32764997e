package dev.brickwork.runtime.gdpr;

import dev.brickwork.runtime.api.AdminApi;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.UUID;

/**
 * GDPR helpers for administrators: a data subject's export and erasure (see the package description). Answers are
 * written out as JSON text, as the records API does, and never cached: they hold personal data.
 */
@Path("/api/v1/admin/gdpr/apps/{app}/forms/{form}/records/{id}")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class GdprResource {

    @Inject
    SubjectExport export;

    @Inject
    Erasure erasure;

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("/export")
    @APIResponse(responseCode = "200", description = "The subject's record and the records that reference it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AdminApi.SubjectExport.class)))
    public Uni<Response> export(@PathParam("app") String app, @PathParam("form") String form, @PathParam("id") String id,
                                @Context HttpServerRequest request) {
        UUID subject = recordId(id);
        return export.export(app, form, subject, Requester.of(identity, request)).map(document -> uncached(document.toString()));
    }

    @POST
    @Path("/erase")
    @APIResponse(responseCode = "200", description = "What was anonymised",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AdminApi.Erased.class)))
    public Uni<Response> erase(@PathParam("app") String app, @PathParam("form") String form, @PathParam("id") String id,
                               @Context HttpServerRequest request) {
        UUID subject = recordId(id);
        return erasure.erase(app, form, subject, Requester.of(identity, request)).map(answer -> uncached(answer.toString()));
    }

    private static Response uncached(String body) {
        return Response.ok(body).header("Cache-Control", "no-store").build();
    }

    /** A malformed id names no record: 404, like an id that does not exist. */
    private static UUID recordId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw Subject.notFound();
        }
    }
}
