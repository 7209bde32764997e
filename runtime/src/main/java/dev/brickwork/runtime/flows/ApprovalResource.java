package dev.brickwork.runtime.flows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.runtime.access.AccessService;
import dev.brickwork.runtime.api.ApprovalApi.ApprovalView;
import dev.brickwork.runtime.api.RecordApi.RecordView;
import dev.brickwork.runtime.records.RecordQueries;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.UUID;

/** Submitting a record for approval and withdrawing it (docs/spec.md §5). */
@Path("/api/v1/apps/{app}/forms/{form}/records/{id}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class ApprovalResource {

    @Inject
    ApprovalCommands approvals;

    @Inject
    AccessService accessService;

    @Inject
    ApprovalPanel panel;

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("/approval")
    @APIResponse(responseCode = "200", description = "Where the record's approval stands and what the caller may do",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApprovalView.class)))
    public Uni<String> approval(@PathParam("app") String app, @PathParam("form") String form, @PathParam("id") String id) {
        UUID record = recordId(id);
        return accessService.of(identity).chain(access -> panel.of(app, form, record, access)).map(ObjectNode::toString);
    }

    @POST
    @Path("/submit")
    @APIResponse(responseCode = "200", description = "The record, now pending",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecordView.class)))
    public Uni<Response> submit(@PathParam("app") String app, @PathParam("form") String form, @PathParam("id") String id,
                                @HeaderParam("If-Match") String ifMatch) {
        UUID record = recordId(id);
        return accessService.of(identity).chain(access -> approvals.submit(app, form, record, ifMatch, access))
                .map(ApprovalResource::tagged);
    }

    @POST
    @Path("/withdraw")
    @APIResponse(responseCode = "200", description = "The record, now withdrawn",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecordView.class)))
    public Uni<Response> withdraw(@PathParam("app") String app, @PathParam("form") String form, @PathParam("id") String id,
                                  @HeaderParam("If-Match") String ifMatch) {
        UUID record = recordId(id);
        return accessService.of(identity).chain(access -> approvals.withdraw(app, form, record, ifMatch, access))
                .map(ApprovalResource::tagged);
    }

    private static Response tagged(ObjectNode record) {
        return Response.ok(record.toString()).tag(new EntityTag(record.get("version").asText())).build();
    }

    private static UUID recordId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw RecordQueries.notFound();
        }
    }
}
