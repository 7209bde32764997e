package dev.brickwork.runtime.records;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.JsonNode;
import dev.brickwork.runtime.access.Access;
import dev.brickwork.runtime.access.AccessService;
import dev.brickwork.platform.http.JsonBodies;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import dev.brickwork.runtime.records.query.ListRequest;
import dev.brickwork.runtime.records.query.QueryBody;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.UUID;

/**
 * The records API (SPEC §4). Records are built as Jackson trees and written out as text: Quarkus' generated
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
    RecordList list;

    @Inject
    SecurityIdentity identity;

    @Inject
    AccessService accessService;

    @GET
    public Uni<String> list(@PathParam("app") String app, @PathParam("form") String form,
                            @QueryParam("filter") String filter, @QueryParam("sort") String sort, @QueryParam("q") String q,
                            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
                            @QueryParam("count") @DefaultValue("false") String count,
                            @QueryParam("deleted") @DefaultValue("false") String deleted) {
        ListRequest request = new ListRequest(filter, sort, q, limit, cursor, "true".equals(count), "true".equals(deleted));
        return access().chain(access -> list.page(app, form, request, access)).map(ObjectNode::toString);
    }

    /** The list of {@link #list}, asked with a JSON body: for filters that do not fit in a URL (SPEC §4). */
    @POST
    @Path("/query")
    public Uni<String> query(@PathParam("app") String app, @PathParam("form") String form, byte[] body) {
        ListRequest request = QueryBody.read(JsonBodies.parse(body));
        return access().chain(access -> list.page(app, form, request, access)).map(ObjectNode::toString);
    }

    @POST
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
    public Uni<Response> get(@PathParam("app") String app, @PathParam("form") String form, @PathParam("id") String id) {
        UUID target = recordId(id);
        return access().chain(access -> queries.get(app, form, target, access)).map(record -> tagged(Response.ok(record.toString()), record));
    }

    @PATCH
    @Path("/{id}")
    public Uni<Response> update(@PathParam("app") String app, @PathParam("form") String form, @PathParam("id") String id,
                                @HeaderParam("If-Match") String ifMatch, byte[] body) {
        UUID target = recordId(id);
        JsonNode parsed = JsonBodies.parse(body);
        return access().chain(access -> commands.update(app, form, target, parsed, ifMatch, access))
                .map(record -> tagged(Response.ok(record.toString()), record));
    }

    @DELETE
    @Path("/{id}")
    public Uni<Response> delete(@PathParam("app") String app, @PathParam("form") String form, @PathParam("id") String id,
                                @HeaderParam("If-Match") String ifMatch) {
        UUID target = recordId(id);
        return access().chain(access -> lifecycle.delete(app, form, target, ifMatch, access))
                .map(done -> Response.noContent().build());
    }

    @POST
    @Path("/{id}/restore")
    public Uni<Response> restore(@PathParam("app") String app, @PathParam("form") String form, @PathParam("id") String id) {
        UUID target = recordId(id);
        return access().chain(access -> lifecycle.restore(app, form, target, access))
                .map(record -> tagged(Response.ok(record.toString()), record));
    }

    @GET
    @Path("/{id}/timeline")
    public Uni<String> timeline(@PathParam("app") String app, @PathParam("form") String form, @PathParam("id") String id) {
        UUID target = recordId(id);
        return access().chain(access -> queries.timeline(app, form, target, access)).map(ObjectNode::toString);
    }

    @POST
    @Path("/duplicates")
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
}
