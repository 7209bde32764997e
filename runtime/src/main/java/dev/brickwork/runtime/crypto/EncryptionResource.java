package dev.brickwork.runtime.crypto;

import dev.brickwork.designer.CurrentUser;
import dev.brickwork.runtime.api.AdminApi.Reencrypted;
import dev.brickwork.runtime.audit.AuditEntry;
import dev.brickwork.runtime.audit.AuditLog;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.Map;

/** Key rotation for sensitive fields (see docs/decisions on encryption): admins only, audited. */
@Path("/api/v1/admin/encryption")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class EncryptionResource {

    @Inject
    KeyRotation rotation;

    @Inject
    AuditLog audit;

    @Inject
    SecurityIdentity identity;

    @POST
    @Path("/rotate")
    @APIResponse(responseCode = "200", description = "How many values were re-encrypted",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Reencrypted.class)))
    public Uni<Map<String, Long>> rotate() {
        return rotation.rotate().call(count -> audit.append(AuditEntry.of("encryption.rotated", CurrentUser.id(identity),
                        identity.getPrincipal().getName()).with(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                        .objectNode().put("reencrypted", count))))
                .map(count -> Map.of("reencrypted", count));
    }
}
