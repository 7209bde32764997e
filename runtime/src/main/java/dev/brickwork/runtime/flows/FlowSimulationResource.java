package dev.brickwork.runtime.flows;

import dev.brickwork.designer.CurrentUser;
import dev.brickwork.platform.http.JsonBodies;
import dev.brickwork.runtime.api.ApprovalApi.Simulation;
import dev.brickwork.runtime.api.ApprovalApi.SimulationRequest;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The flow designer's simulator (docs/spec.md §5): the path a record would take and whom each step would ask. */
@Path("/api/v1/design/apps/{app}/flows/{flow}/simulate")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class FlowSimulationResource {

    @Inject
    FlowSimulator simulator;

    @Inject
    SecurityIdentity identity;

    @POST
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SimulationRequest.class)))
    @APIResponse(responseCode = "200", description = "The steps in order, with the people each would ask",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Simulation.class)))
    public Uni<Simulation> simulate(@PathParam("app") String app, @PathParam("flow") String flow, byte[] body) {
        return simulator.simulate(app, flow, JsonBodies.parse(body), CurrentUser.id(identity));
    }
}
