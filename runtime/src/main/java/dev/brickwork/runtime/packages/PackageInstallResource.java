package dev.brickwork.runtime.packages;

import dev.brickwork.designer.CurrentUser;
import dev.brickwork.platform.http.JsonBodies;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Installs or upgrades an app from a package (docs/spec.md §3); a dry run answers the plan and changes nothing. */
@Path("/api/v1/design/packages")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class PackageInstallResource {

    @Inject
    PackageInstaller installer;

    @Inject
    SecurityIdentity identity;

    @POST
    @Blocking
    @RequestBody(description = "A package (docs/spec.md §3)", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.OBJECT, description = "docs/spec.md §3")))
    @APIResponse(responseCode = "200", description = "What the install did, or with dryRun=true would do",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PackagePlan.class)))
    public PackagePlan install(@QueryParam("dryRun") @DefaultValue("false") boolean dryRun, byte[] body) {
        return installer.install(JsonBodies.parse(body), dryRun, CurrentUser.id(identity), identity.getPrincipal().getName());
    }
}
