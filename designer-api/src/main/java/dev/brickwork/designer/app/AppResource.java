package dev.brickwork.designer.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brickwork.designer.CurrentUser;
import dev.brickwork.designer.flow.FlowSummary;
import dev.brickwork.designer.form.FormEntity;
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
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/** Apps (docs/spec.md §3). Designing is for admins. */
@Path("/api/v1/design/apps")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class AppResource {

    @Inject
    AppService apps;

    @Inject
    SecurityIdentity identity;

    public record AppView(String key, JsonNode label, Instant createdAt) {
        static AppView of(AppEntity app) {
            return new AppView(app.appKey, JsonBodies.parse(app.label), app.createdAt);
        }
    }

    public record FormSummary(String key, Integer currentVersion, boolean hasDraft) {
    }

    public record AppDetail(String key, JsonNode label, Instant createdAt, List<FormSummary> forms, List<FlowSummary> flows,
                            List<Object> reports, List<Object> dashboards) {
    }

    public record AppList(List<AppView> items) {
    }

    /** The body of a create; {@code label} is a string or {@code {"en": …, "zh-CN": …}}. */
    public record NewApp(String key, JsonNode label) {
    }

    @POST
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NewApp.class)))
    @APIResponse(responseCode = "201", description = "The new app", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AppView.class)))
    public Uni<Response> create(byte[] body) {
        return apps.create(JsonBodies.parse(body), CurrentUser.id(identity))
                .map(app -> Response.created(URI.create("/api/v1/design/apps/" + app.appKey)).entity(AppView.of(app)).build());
    }

    @GET
    public Uni<AppList> list() {
        return apps.list().map(all -> new AppList(all.stream().map(AppView::of).toList()));
    }

    @GET
    @Path("/{app}")
    public Uni<AppDetail> get(@PathParam("app") String key) {
        return apps.get(key).map(contents -> {
            AppEntity app = contents.app();
            List<FormSummary> forms = contents.forms().stream().map(AppResource::summary).toList();
            return new AppDetail(app.appKey, JsonBodies.parse(app.label), app.createdAt, forms, contents.flows(), List.of(),
                    List.of());
        });
    }

    private static FormSummary summary(FormEntity form) {
        return new FormSummary(form.formKey, form.currentVersion, form.draft != null);
    }
}
