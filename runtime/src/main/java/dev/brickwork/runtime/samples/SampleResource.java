package dev.brickwork.runtime.samples;

import dev.brickwork.designer.CurrentUser;
import dev.brickwork.platform.http.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.net.URI;
import java.util.UUID;
import java.util.regex.Pattern;

/** {@code /admin/samples} (docs/spec.md §8): load a generator's sample data into an app, as a job, and follow it. */
@Path("/api/v1/admin/samples")
@RolesAllowed("admin")
@Blocking
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class SampleResource {

    private static final Pattern UUID_TEXT = Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    /** The body of a load. */
    public record NewSampleLoad(@Schema(required = true, description = "The app's key") String app,
                                @Schema(required = true, description = "A generator of the app's package: crm-sample")
                                String generator,
                                @Schema(enumeration = {"tiny", "small", "medium", "large"}, defaultValue = "small")
                                String size,
                                @Schema(defaultValue = "42", description = "The same seed (and day) gives the same data")
                                Long seed) {
    }

    @Inject
    SampleJobs jobs;

    @Inject
    SecurityIdentity identity;

    @POST
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NewSampleLoad.class)))
    @APIResponse(responseCode = "202", description = "The load started; poll the Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SampleJob.View.class)))
    public Response start(byte[] body) {
        SampleRequest request = SampleRequest.parse(body);
        SampleJob job = jobs.start(request, CurrentUser.id(identity), identity.getPrincipal().getName());
        return Response.accepted(job.view()).location(URI.create("/api/v1/admin/samples/" + job.id())).build();
    }

    @GET
    @Path("/{id}")
    @APIResponse(responseCode = "200", description = "The load: running, done or failed, with what it wrote",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SampleJob.View.class)))
    public SampleJob.View get(@PathParam("id") String id) {
        UUID key = id != null && UUID_TEXT.matcher(id).matches() ? UUID.fromString(id) : null;
        return (key == null ? java.util.Optional.<SampleJob>empty() : jobs.find(key)).map(job -> job.view())
                .orElseThrow(() -> new ProblemException(SampleProblem.SAMPLE_LOAD_NOT_FOUND,
                        "This node started no sample load with this id."));
    }
}
