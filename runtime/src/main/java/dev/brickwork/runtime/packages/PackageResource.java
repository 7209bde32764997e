package dev.brickwork.runtime.packages;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** An app exported as one package (docs/spec.md §3); installing is {@link PackageInstallResource}. */
@Path("/api/v1/design/apps/{app}/package")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class PackageResource {

    @Inject
    PackageExporter exporter;

    @GET
    @APIResponse(responseCode = "200", description = "The app's published state as one package",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
                    description = "docs/spec.md §3")))
    public Uni<Response> export(@PathParam("app") String app) {
        // written as text: a bare ObjectNode would be serialised as a bean by the reactive writer
        return exporter.export(app).map(pkg -> Response.ok(pkg.toString(), MediaType.APPLICATION_JSON).build());
    }
}
