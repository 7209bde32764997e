package dev.brickwork.runtime.admin;

import dev.brickwork.platform.http.IfMatch;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.platform.http.JsonBodies;
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

/**
 * {@code /admin/roles} (SPEC §8): PUT defines or replaces a role (200 with ETag), GET lists or reads them. Bodies are
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
    public Response put(@PathParam("key") String key, @HeaderParam("If-Match") String ifMatch, byte[] body,
                        @Context HttpServerRequest request) {
        RoleCommands.StoredRole stored = roles.put(key, body, IfMatch.version(ifMatch), Actor.of(identity, request));
        return Response.ok(stored.body().toString()).tag(Integer.toString(stored.version())).build();
    }

    @GET
    public String list() {
        ObjectNode list = JsonBodies.mapper().createObjectNode();
        roles.all().forEach(role -> list.withArray("items").add(role.body()));
        return list.toString();
    }

    @GET
    @Path("/{key}")
    public Response get(@PathParam("key") String key) {
        RoleCommands.StoredRole stored = roles.get(key);
        return Response.ok(stored.body().toString()).tag(Integer.toString(stored.version())).build();
    }
}
