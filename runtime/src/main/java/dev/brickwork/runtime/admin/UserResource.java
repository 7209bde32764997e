package dev.brickwork.runtime.admin;

import dev.brickwork.platform.http.CommonProblem;
import dev.brickwork.platform.http.IfMatch;
import dev.brickwork.platform.http.ProblemError;
import dev.brickwork.platform.http.ProblemException;
import dev.brickwork.runtime.api.AdminApi.NewUser;
import dev.brickwork.runtime.api.AdminApi.UserChange;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** {@code /admin/users} (docs/spec.md §8). Lists page in username order with {@code limit} and an opaque {@code cursor}. */
@Path("/api/v1/admin/users")
@RolesAllowed("admin")
@Blocking
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class UserResource {

    @Inject
    UserCommands commands;

    @Inject
    Jdbc jdbc;

    @Inject
    SecurityIdentity identity;

    public record UserPage(List<UserView> items, String nextCursor) {
    }

    @POST
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NewUser.class)))
    @APIResponse(responseCode = "201", description = "The new user",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserView.class)))
    public Response create(byte[] body, @Context HttpServerRequest request) {
        UserView created = commands.create(body, Actor.of(identity, request));
        return Response.created(URI.create("/api/v1/admin/users/" + created.id()))
                .tag(Integer.toString(created.version())).entity(created).build();
    }

    @GET
    public UserPage list(@QueryParam("limit") String limitParam, @QueryParam("cursor") String cursor) {
        int limit = limit(limitParam);
        String after = after(cursor);
        List<UserView> rows = jdbc.read(c -> UserView.page(c, after, limit + 1));
        boolean more = rows.size() > limit;
        List<UserView> page = more ? rows.subList(0, limit) : rows;
        String next = more ? Base64.getUrlEncoder().withoutPadding()
                .encodeToString(page.get(limit - 1).username().getBytes(StandardCharsets.UTF_8)) : null;
        return new UserPage(page, next);
    }

    @GET
    @Path("/{id}")
    @APIResponse(responseCode = "200", description = "The user",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserView.class)))
    public Response get(@PathParam("id") String id) {
        UUID uuid = Params.pathId(id, AdminProblem.USER_NOT_FOUND);
        UserView user = jdbc.read(c -> UserView.find(c, uuid, false));
        if (user == null) {
            throw new ProblemException(AdminProblem.USER_NOT_FOUND, "There is no user with this id.");
        }
        return Response.ok(user).tag(Integer.toString(user.version())).build();
    }

    @PATCH
    @Path("/{id}")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserChange.class)))
    @APIResponse(responseCode = "200", description = "The changed user",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserView.class)))
    public Response change(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, byte[] body,
                           @Context HttpServerRequest request) {
        UserView changed = commands.change(Params.pathId(id, AdminProblem.USER_NOT_FOUND), body, IfMatch.version(ifMatch),
                Actor.of(identity, request));
        return Response.ok(changed).tag(Integer.toString(changed.version())).build();
    }

    private static int limit(String text) {
        if (text == null) {
            return 50;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= 500) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ProblemException(CommonProblem.REQUEST_INVALID, "limit is a whole number from 1 to 500.",
                List.of(ProblemError.of("/limit", "LIMIT_INVALID", "A whole number from 1 to 500.")));
    }

    private static String after(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(CommonProblem.REQUEST_INVALID, "The cursor is not one this API gave out.",
                    List.of(ProblemError.of("/cursor", "CURSOR_INVALID", "Use the nextCursor of the previous page.")));
        }
    }
}
