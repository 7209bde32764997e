package dev.brickwork.runtime.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
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

import java.util.List;

/** {@code /admin/roles} (SPEC §8): PUT defines or replaces a role (200 with ETag), GET lists or reads them. */
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

    public record RoleList(List<ObjectNode> items) {
    }

    @PUT
    @Path("/{key}")
    public Response put(@PathParam("key") String key, @HeaderParam("If-Match") String ifMatch, byte[] body,
                        @Context HttpServerRequest request) {
        RoleCommands.StoredRole stored = roles.put(key, body, Params.ifMatch(ifMatch), Actor.of(identity, request));
        return Response.ok(stored.body()).tag(Integer.toString(stored.version())).build();
    }

    @GET
    public RoleList list() {
        return new RoleList(roles.all().stream().map(RoleCommands.StoredRole::body).toList());
    }

    @GET
    @Path("/{key}")
    public Response get(@PathParam("key") String key) {
        RoleCommands.StoredRole stored = roles.get(key);
        return Response.ok(stored.body()).tag(Integer.toString(stored.version())).build();
    }
}
