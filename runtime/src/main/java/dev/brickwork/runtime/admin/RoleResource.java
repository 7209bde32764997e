package dev.brickwork.runtime.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.platform.http.IfMatch;
import dev.brickwork.platform.http.JsonBodies;
import dev.brickwork.runtime.api.AdminApi.Role;
import dev.brickwork.runtime.api.AdminApi.RoleList;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code /admin/roles} (docs/spec.md §8): PUT defines or replaces a role (200 with ETag), GET lists or reads them. Bodies are
 * Jackson trees written out here, as the records API does: the REST layer would serialise a tree as a bean.
 */
@Path("/api/v1/admin/roles")
@RolesAllowed("admin")
@Blocking
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class RoleResource {

    @Inject
    RoleCommands roles;

    @Inject
    SecurityIdentity identity;

    @PUT
    @Path("/{key}")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Role.class)))
    @APIResponse(responseCode = "200", description = "The stored role",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Role.class)))
    public Response put(@PathParam("key") String key, @HeaderParam("If-Match") String ifMatch, byte[] body,
                        @Context HttpServerRequest request) {
        RoleCommands.StoredRole stored = roles.put(key, body, IfMatch.version(ifMatch), Actor.of(identity, request));
        return Response.ok(stored.body().toString()).tag(Integer.toString(stored.version())).build();
    }

    @GET
    @APIResponse(responseCode = "200", description = "Every role",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RoleList.class)))
    public String list() {
        ObjectNode list = JsonBodies.mapper().createObjectNode();
        roles.all().forEach(role -> list.withArray("items").add(role.body()));
        return list.toString();
    }

    @GET
    @Path("/{key}")
    @APIResponse(responseCode = "200", description = "The role",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Role.class)))
    public Response get(@PathParam("key") String key) {
        RoleCommands.StoredRole stored = roles.get(key);
        return Response.ok(stored.body().toString()).tag(Integer.toString(stored.version())).build();
    }
}
