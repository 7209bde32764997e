package dev.brickwork.runtime.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brickwork.designer.CurrentUser;
import dev.brickwork.platform.http.CommonProblem;
import dev.brickwork.platform.http.JsonBodies;
import dev.brickwork.platform.http.ProblemError;
import dev.brickwork.platform.http.ProblemException;
import dev.brickwork.runtime.api.AdminApi.LoginRequest;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Login (docs/spec.md §8) and who the caller is. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class AuthResource {

    @Inject
    Sessions sessions;

    @Inject
    SecurityIdentity identity;

    @Inject
    TokenIdentityProvider tokens;

    public record LoginResult(String token, Instant expiresAt) {
    }

    /** Who the caller is: a user (with their department, if any) or an API token ({@code tokenId} set). */
    public record Me(UUID id, String username, Set<String> roles, UUID department, UUID tokenId) {
    }

    @POST
    @Path("/auth/login")
    @PermitAll
    @Blocking
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LoginRequest.class)))
    @SecurityRequirements
    public LoginResult login(byte[] body, @Context HttpServerRequest request) {
        JsonNode credentials = credentials(body);
        List<ProblemError> errors = new ArrayList<>();
        String username = text(credentials, "username", errors);
        String password = text(credentials, "password", errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(AuthProblem.LOGIN_INVALID, "Send a username and a password.", errors);
        }
        return sessions.login(username, password, ClientAddress.of(request));
    }

    /** Ends the caller's session: its token stops working at once on this node (docs/spec.md §8). */
    @POST
    @Path("/auth/logout")
    @Authenticated
    @Blocking
    @APIResponse(responseCode = "204", description = "The session is over")
    public Response logout(@HeaderParam("Authorization") String authorization) {
        if (identity.getAttribute(TokenIdentityProvider.TOKEN_ID) != null) {
            throw new ProblemException(AuthProblem.LOGIN_INVALID, "An API token is revoked by an admin, not logged out.",
                    List.of(ProblemError.of("", "LOGOUT_API_TOKEN", "Only a session logs out.")));
        }
        String token = authorization.substring(authorization.indexOf(' ') + 1).trim();
        sessions.logout(token, CurrentUser.id(identity), identity.getPrincipal().getName());
        tokens.forget(token);
        return Response.noContent().build();
    }

    @GET
    @Path("/me")
    @Authenticated
    public Me me() {
        return new Me(CurrentUser.id(identity), identity.getPrincipal().getName(), identity.getRoles(),
                identity.getAttribute(TokenIdentityProvider.DEPARTMENT_ID), identity.getAttribute(TokenIdentityProvider.TOKEN_ID));
    }

    /** The body; text that cannot be stored is a malformed login (400), refused before any look-up or audit. */
    private static JsonNode credentials(byte[] body) {
        try {
            return JsonBodies.parse(body);
        } catch (ProblemException e) {
            if (e.type() == CommonProblem.TEXT_INVALID) {
                throw new ProblemException(CommonProblem.BODY_MALFORMED, "The login holds text that cannot be stored.", e.errors());
            }
            throw e;
        }
    }

    private static String text(JsonNode body, String name, List<ProblemError> errors) {
        JsonNode value = body.path(name);
        if (!value.isTextual() || value.asText().isEmpty()) {
            errors.add(ProblemError.of("/" + name, "PROPERTY_REQUIRED", "A non-empty " + name + " is required."));
            return null;
        }
        return value.asText();
    }
}
