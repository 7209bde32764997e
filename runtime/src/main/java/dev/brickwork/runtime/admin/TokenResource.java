package dev.brickwork.runtime.admin;

import dev.brickwork.runtime.api.AdminApi.NewToken;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.net.URI;
import java.util.List;

/** {@code /admin/tokens} (docs/spec.md §8): create (the secret is shown once), list, revoke. Revoked tokens stay listed. */
@Path("/api/v1/admin/tokens")
@RolesAllowed("admin")
@Blocking
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class TokenResource {

    @Inject
    TokenCommands tokens;

    @Inject
    SecurityIdentity identity;

    public record TokenList(List<TokenCommands.TokenView> items) {
    }

    @POST
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NewToken.class)))
    @APIResponse(responseCode = "201", description = "The new token with its secret, shown once",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TokenCommands.CreatedToken.class)))
    public Response create(byte[] body, @Context HttpServerRequest request) {
        TokenCommands.CreatedToken created = tokens.create(body, Actor.of(identity, request));
        return Response.created(URI.create("/api/v1/admin/tokens/" + created.id())).entity(created)
                .header("Cache-Control", "no-store").build();
    }

    @GET
    public TokenList list() {
        return new TokenList(tokens.all());
    }

    @DELETE
    @Path("/{id}")
    @APIResponse(responseCode = "204", description = "The token is revoked")
    public Response revoke(@PathParam("id") String id, @Context HttpServerRequest request) {
        tokens.revoke(Params.pathId(id, AdminProblem.TOKEN_NOT_FOUND), Actor.of(identity, request));
        return Response.noContent().build();
    }
}
