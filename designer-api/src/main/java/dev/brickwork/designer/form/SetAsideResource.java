package dev.brickwork.designer.form;

import dev.brickwork.designer.CurrentUser;
import dev.brickwork.platform.http.JsonBodies;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/** A form's set-aside columns and tables: listed, and purged on request (decision 0014). */
@Path("/api/v1/design/apps/{app}/forms/{form}/set-aside")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class SetAsideResource {

    @Inject
    SetAsideService setAside;

    @Inject
    SecurityIdentity identity;

    @GET
    public Uni<SetAside.Listing> list(@PathParam("app") String app, @PathParam("form") String form) {
        return setAside.list(app, form);
    }

    @POST
    @Path("/purge")
    @RequestBody(description = "{\"all\": true}, or the columns and tables to purge as the listing names them",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
                    description = "{\"all\": true} | {\"columns\": [{\"table\", \"name\"}], \"tables\": [name]}")))
    public Uni<SetAside.Purged> purge(@PathParam("app") String app, @PathParam("form") String form, byte[] body) {
        PurgeRequest request = PurgeRequest.read(JsonBodies.parse(body));
        return setAside.purge(app, form, request, CurrentUser.id(identity),
                identity.isAnonymous() ? null : identity.getPrincipal().getName());
    }
}
