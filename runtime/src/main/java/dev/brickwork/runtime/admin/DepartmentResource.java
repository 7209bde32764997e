package dev.brickwork.runtime.admin;

import dev.brickwork.platform.http.IfMatch;
import dev.brickwork.platform.http.ProblemException;
import dev.brickwork.runtime.api.AdminApi.DepartmentWrite;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.net.URI;
import java.util.List;

/** {@code /admin/departments} (docs/spec.md §8): the department tree as a flat list with parent ids. */
@Path("/api/v1/admin/departments")
@RolesAllowed("admin")
@Blocking
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class DepartmentResource {

    @Inject
    DepartmentCommands commands;

    @Inject
    Jdbc jdbc;

    @Inject
    SecurityIdentity identity;

    public record DepartmentList(List<DepartmentView> items) {
    }

    @POST
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DepartmentWrite.class)))
    @APIResponse(responseCode = "201", description = "The new department",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DepartmentView.class)))
    public Response create(byte[] body, @Context HttpServerRequest request) {
        DepartmentView created = commands.create(body, Actor.of(identity, request));
        return Response.created(URI.create("/api/v1/admin/departments/" + created.id()))
                .tag(Integer.toString(created.version())).entity(created).build();
    }

    @GET
    public DepartmentList list() {
        return new DepartmentList(jdbc.read(DepartmentView::all));
    }

    @GET
    @Path("/{id}")
    @APIResponse(responseCode = "200", description = "The department",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DepartmentView.class)))
    public Response get(@PathParam("id") String id) {
        var uuid = Params.pathId(id, AdminProblem.DEPARTMENT_NOT_FOUND);
        DepartmentView department = jdbc.read(c -> DepartmentView.find(c, uuid, false));
        if (department == null) {
            throw new ProblemException(AdminProblem.DEPARTMENT_NOT_FOUND, "There is no department with this id.");
        }
        return Response.ok(department).tag(Integer.toString(department.version())).build();
    }

    @PATCH
    @Path("/{id}")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DepartmentWrite.class)))
    @APIResponse(responseCode = "200", description = "The changed department",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DepartmentView.class)))
    public Response change(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, byte[] body,
                           @Context HttpServerRequest request) {
        DepartmentView changed = commands.change(Params.pathId(id, AdminProblem.DEPARTMENT_NOT_FOUND), body,
                IfMatch.version(ifMatch), Actor.of(identity, request));
        return Response.ok(changed).tag(Integer.toString(changed.version())).build();
    }
}
