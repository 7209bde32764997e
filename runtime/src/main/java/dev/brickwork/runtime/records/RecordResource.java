package dev.brickwork.runtime.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.platform.http.JsonBodies;
import dev.brickwork.platform.http.ProblemLanguage;
import dev.brickwork.runtime.access.Access;
import dev.brickwork.runtime.access.AccessService;
import dev.brickwork.runtime.api.RecordApi.BulkChange;
import dev.brickwork.runtime.api.RecordApi.BulkResult;
import dev.brickwork.runtime.api.RecordApi.DuplicateMatches;
import dev.brickwork.runtime.api.RecordApi.GroupCounts;
import dev.brickwork.runtime.api.RecordApi.GroupQuery;
import dev.brickwork.runtime.api.RecordApi.RecordPage;
import dev.brickwork.runtime.api.RecordApi.RecordPreviewView;
import dev.brickwork.runtime.api.RecordApi.RecordQuery;
import dev.brickwork.runtime.api.RecordApi.RecordView;
import dev.brickwork.runtime.api.RecordApi.RecordWrite;
import dev.brickwork.runtime.api.RecordApi.TimelinePage;
import dev.brickwork.runtime.records.query.GroupRequest;
import dev.brickwork.runtime.records.query.ListRequest;
import dev.brickwork.runtime.records.query.QueryBody;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.net.URI;
import java.util.UUID;

/**
 * The records API (docs/spec.md §4). Records are built as Jackson trees and written out as text: Quarkus' generated
 * serialisers would otherwise treat a returned {@code ObjectNode} as a bean.
 */
@Path("/api/v1/apps/{app}/forms/{form}/records")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class RecordResource {

    @Inject
    RecordCommands commands;

    @Inject
    RecordLifecycle lifecycle;

    @Inject
    RecordQueries queries;

    @Inject
    RecordPermissions permissions;

    @Inject
    RecordList list;

    @Inject
    RecordPreviews previews;

    @Inject
    RecordBulk bulk;

    @Inject
    SecurityIdentity identity;

    @Inject
    AccessService accessService;

    @GET
    @APIResponse(responseCode = "200", description = "A page of records",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecordPage.class)))
    public Uni<String> list(@PathParam("app") String app, @PathParam("form") String form,
                            @QueryParam("filter") String filter, @QueryParam("sort") String sort, @QueryParam("q") String q,
                            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
                            @QueryParam("count") @DefaultValue("false") String count,
                            @QueryParam("deleted") @DefaultValue("false") String deleted) {
        ListRequest request = new ListRequest(filter, sort, q, limit, cursor, "true".equals(count), "true".equals(deleted));
        return access().chain(access -> list.page(app, form, request, access)).map(ObjectNode::toString);
    }

    /** The list of {@link #list}, asked with a JSON body: for filters that do not fit in a URL (docs/spec.md §4). */
    @POST
    @Path("/query")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecordQuery.class)))
    @APIResponse(responseCode = "200", description = "A page of records",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecordPage.class)))
    public Uni<String> query(@PathParam("app") String app, @PathParam("form") String form, byte[] body) {
        ListRequest request = QueryBody.read(JsonBodies.parse(body));
        return access().chain(access -> list.page(app, form, request, access)).map(ObjectNode::toString);
    }

    /** Counts and sums per value of a select field over what a list would give (docs/spec.md §4 addition: kanban heads). */
    @POST
    @Path("/groups")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GroupQuery.class)))
    @APIResponse(responseCode = "200", description = "One entry per value held, with its count and sums",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GroupCounts.class)))
    public Uni<String> groups(@PathParam("app") String app, @PathParam("form") String form, byte[] body) {
        GroupRequest request = GroupRequest.read(JsonBodies.parse(body));
        return access().chain(access -> list.groups(app, form, request, access)).map(ObjectNode::toString);
    }

    /** One change to many records, each refused or done on its own (docs/spec.md §4 addition). */
    @POST
    @Path("/bulk")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BulkChange.class)))
    @APIResponse(responseCode = "200", description = "What was done and what each refused record's problem was",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BulkResult.class)))
    public Uni<String> bulk(@PathParam("app") String app, @PathParam("form") String form, byte[] body) {
        JsonNode parsed = JsonBodies.parse(body);
        return access().chain(access -> bulk.run(app, form, parsed, access)).map(ObjectNode::toString);
    }

    @POST
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecordWrite.class)))
    @APIResponse(responseCode = "201", description = "The new record (a replay also has Idempotent-Replayed: true)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecordView.class)))
    public Uni<Response> create(@PathParam("app") String app, @PathParam("form") String form,
                                @HeaderParam("Idempotency-Key") String idempotencyKey, byte[] body) {
        JsonNode parsed = JsonBodies.parse(body);
        return access().chain(access -> commands.create(app, form, parsed, idempotencyKey, access)).map(written -> {
            String id = written.record().get("id").asText();
            Response.ResponseBuilder response = Response.created(URI.create("/api/v1/apps/" + app + "/forms/" + form + "/records/" + id))
                    .entity(written.record().toString());
            if (!written.created()) {
                response.header("Idempotent-Replayed", "true");
            }
            return tagged(response, written.record());
        });
    }

    @GET
    @Path("/{id}")
    @APIResponse(responseCode = "200", description = "The record",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecordView.class)))
    public Uni<Response> get(@PathParam("app") String app, @PathParam("form") String form, @PathParam("id") String id) {
        UUID target = recordId(id);
        return access().chain(access -> queries.get(app, form, target, access)
                        .call(record -> permissions.allowed(app, form, target, access).invoke(allowed -> {
                            ObjectNode can = record.withObject("/meta").putObject("can");
                            RecordPermissions.ON_A_RECORD.forEach(action -> can.put(action.json(), allowed.contains(action)));
                        })))
                .map(record -> tagged(Response.ok(record.toString()), record));
    }

    @PATCH
    @Path("/{id}")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecordWrite.class)))
    @APIResponse(responseCode = "200", description = "The changed record",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecordView.class)))
    public Uni<Response> update(@PathParam("app") String app, @PathParam("form") String form, @PathParam("id") String id,
                                @HeaderParam("If-Match") String ifMatch, byte[] body) {
        UUID target = recordId(id);
        JsonNode parsed = JsonBodies.parse(body);
        return access().chain(access -> commands.update(app, form, target, parsed, ifMatch, access))
                .map(record -> tagged(Response.ok(record.toString()), record));
    }

    @DELETE
    @Path("/{id}")
    @APIResponse(responseCode = "204", description = "The record is in the recycle bin")
    public Uni<Response> delete(@PathParam("app") String app, @PathParam("form") String form, @PathParam("id") String id,
                                @HeaderParam("If-Match") String ifMatch) {
        UUID target = recordId(id);
        return access().chain(access -> lifecycle.delete(app, form, target, ifMatch, access))
                .map(done -> Response.noContent().build());
    }

    @POST
    @Path("/{id}/restore")
    @APIResponse(responseCode = "200", description = "The record, back from the recycle bin",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecordView.class)))
    public Uni<Response> restore(@PathParam("app") String app, @PathParam("form") String form, @PathParam("id") String id) {
        UUID target = recordId(id);
        return access().chain(access -> lifecycle.restore(app, form, target, access))
                .map(record -> tagged(Response.ok(record.toString()), record));
    }

    @GET
    @Path("/{id}/timeline")
    @APIResponse(responseCode = "200", description = "The record's changes and approval events, newest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TimelinePage.class)))
    public Uni<String> timeline(@PathParam("app") String app, @PathParam("form") String form, @PathParam("id") String id) {
        UUID target = recordId(id);
        return access().chain(access -> queries.timeline(app, form, target, access)).map(ObjectNode::toString);
    }

    /** A new record's live values, visibility and problems as a save would see them; writes nothing (decision 0030). */
    @POST
    @Path("/preview")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecordWrite.class)))
    @APIResponse(responseCode = "200", description = "Computed values, hidden and read-only fields, problems; nothing is written",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecordPreviewView.class)))
    public Uni<String> previewNew(@PathParam("app") String app, @PathParam("form") String form,
                                  @HeaderParam("Accept-Language") String language, byte[] body) {
        JsonNode parsed = JsonBodies.parse(body);
        return access().chain(access -> previews.ofNew(app, form, parsed, access)).map(preview -> inLanguage(preview, language));
    }

    /** An edit's live values, visibility and problems over the stored record; writes nothing (decision 0030). */
    @POST
    @Path("/{id}/preview")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecordWrite.class)))
    @APIResponse(responseCode = "200", description = "Computed values, hidden and read-only fields, problems; nothing is written",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecordPreviewView.class)))
    public Uni<String> previewEdit(@PathParam("app") String app, @PathParam("form") String form, @PathParam("id") String id,
                                   @HeaderParam("Accept-Language") String language, byte[] body) {
        UUID target = recordId(id);
        JsonNode parsed = JsonBodies.parse(body);
        return access().chain(access -> previews.ofEdit(app, form, target, parsed, access)).map(preview -> inLanguage(preview, language));
    }

    @POST
    @Path("/duplicates")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecordWrite.class)))
    @APIResponse(responseCode = "200", description = "What duplicate rules would match; nothing is written",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DuplicateMatches.class)))
    public Uni<String> duplicates(@PathParam("app") String app, @PathParam("form") String form, byte[] body) {
        JsonNode parsed = JsonBodies.parse(body);
        return access().chain(access -> queries.duplicates(app, form, parsed, access)).map(ObjectNode::toString);
    }

    private Uni<Access> access() {
        return accessService.of(identity);
    }

    private static Response tagged(Response.ResponseBuilder response, ObjectNode record) {
        return response.tag(new EntityTag(record.get("version").asText())).build();
    }

    /** A malformed id names no record: 404, like an id that does not exist. */
    private static UUID recordId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw RecordQueries.notFound();
        }
    }

    /** A preview's problems in the caller's language, as a refused save's would be (they are the same problems). */
    private static String inLanguage(ObjectNode preview, String language) {
        preview.path("errors").forEach(error -> ((ObjectNode) error).put("message",
                ProblemLanguage.message(error.path("code").asText(), error.path("message").asText(), language)));
        return preview.toString();
    }
}
