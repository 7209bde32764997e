package dev.brickwork.designer.flow;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.brickwork.designer.CurrentUser;
import dev.brickwork.designer.DesignProblems;
import dev.brickwork.forms.Problem;
import dev.brickwork.platform.http.IfMatch;
import dev.brickwork.platform.http.AcceptsXml;
import dev.brickwork.platform.http.JsonBodies;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.Instant;
import java.util.List;

/**
 * Flow drafts, publishing and published versions (docs/spec.md §3, §5). A draft is a designed flow (JSON) or a BPMN 2.0
 * file ({@code Content-Type: application/xml}) bound to a form and a trigger by the {@code form}, {@code on} and
 * {@code when} parameters.
 */
@Path("/api/v1/design/apps/{app}/flows/{flow}")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class FlowResource {

    static final String JSON = "json";
    static final String BPMN = "bpmn";

    @Inject
    FlowDrafts drafts;

    @Inject
    FlowPublisher publisher;

    @Inject
    SecurityIdentity identity;

    @Schema(name = "FlowDraftSaved")
    public record DraftView(List<Problem> problems, Instant savedAt) {
    }

    /** What an uploaded flow runs on: {@code {"form", "trigger": {"on", "when"}}}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Binding(String form, JsonNode trigger) {
    }

    @Schema(name = "FlowVersionSummary")
    public record VersionSummary(int version, String form, String processDefinitionId, Instant publishedAt) {
    }

    /**
     * @param format  {@code json} for a designed flow, {@code bpmn} for an upload, whose draft is the XML as a string
     * @param binding an upload's form and trigger as given; null for a designed flow, which names its own
     */
    @Schema(name = "Flow")
    public record FlowView(String key, String format, JsonNode draft, Binding binding, List<Problem> problems,
                           Instant draftSavedAt, Integer currentVersion, List<VersionSummary> versions) {
    }

    /** @param definition the designed flow; null for an uploaded BPMN */
    @Schema(name = "FlowVersion")
    public record VersionView(int version, String format, Binding binding, JsonNode definition, String bpmn,
                              String deploymentId, String processDefinitionId, Instant publishedAt) {
    }

    @PUT
    @Path("/draft")
    @RequestBody(description = "A flow definition (docs/spec.md §5), or BPMN 2.0 XML bound by form, on and when", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT, description = "docs/spec.md §5")),
            @Content(mediaType = MediaType.APPLICATION_XML, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "200", description = "The draft is saved, with its problems",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DraftView.class)))
    @AcceptsXml
    public Uni<Response> saveDraft(@PathParam("app") String app, @PathParam("flow") String flow,
                                   @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                   @HeaderParam("If-Match") String ifMatch, @QueryParam("form") String form,
                                   @QueryParam("on") String on, @QueryParam("when") String when,
                                   @HeaderParam("Accept-Language") String language, byte[] body) {
        FlowDraft draft = Uploads.isXml(contentType)
                ? new FlowDraft.Uploaded(Uploads.bpmn(body), new FlowDraft.Binding(form, on, when))
                : new FlowDraft.Designed(JsonBodies.parse(body));
        return drafts.saveDraft(app, flow, draft, CurrentUser.id(identity), IfMatch.version(ifMatch))
                .map(saved -> Response.ok(new DraftView(DesignProblems.inLanguage(saved.problems(), language), saved.flow().draftSavedAt))
                        .tag(new EntityTag(String.valueOf(saved.flow().version))).build());
    }

    @GET
    @APIResponse(responseCode = "200", description = "The draft and the published versions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FlowView.class)))
    public Uni<Response> get(@PathParam("app") String app, @PathParam("flow") String flow,
                             @HeaderParam("Accept-Language") String language) {
        return drafts.get(app, flow).map(view -> {
            FlowEntity entity = view.flow();
            List<Problem> problems = List.of(JsonBodies.mapper().convertValue(StoredJson.parse(entity.draftProblems),
                    Problem[].class));
            boolean uploaded = entity.draftBpmn != null;
            FlowView body = new FlowView(entity.flowKey, uploaded ? BPMN : JSON,
                    uploaded ? TextNode.valueOf(entity.draftBpmn) : entity.draft == null ? null : StoredJson.parse(entity.draft),
                    uploaded ? new Binding(entity.draftForm, StoredJson.parse(entity.draftTrigger)) : null,
                    DesignProblems.inLanguage(problems, language), entity.draftSavedAt, entity.currentVersion,
                    view.versions().stream().map(v -> new VersionSummary(v.number, v.formKey, v.processDefinitionId,
                            v.publishedAt)).toList());
            return Response.ok(body).tag(new EntityTag(String.valueOf(entity.version))).build();
        });
    }

    @GET
    @Path("/versions/{number}")
    public Uni<VersionView> version(@PathParam("app") String app, @PathParam("flow") String flow,
                                    @PathParam("number") int number) {
        return drafts.version(app, flow, number).map(v -> new VersionView(v.number, v.definition == null ? BPMN : JSON,
                new Binding(v.formKey, StoredJson.parse(v.trigger)), v.definition == null ? null : StoredJson.parse(v.definition),
                v.bpmn, v.deploymentId, v.processDefinitionId, v.publishedAt));
    }

    /** The deployed BPMN of a version, for a BPMN modeller to open. */
    @GET
    @Path("/versions/{number}/bpmn")
    @Produces(MediaType.APPLICATION_XML)
    @APIResponse(responseCode = "200", description = "The deployed BPMN 2.0 XML",
            content = @Content(mediaType = MediaType.APPLICATION_XML, schema = @Schema(type = SchemaType.STRING)))
    public Uni<Response> bpmn(@PathParam("app") String app, @PathParam("flow") String flow,
                              @PathParam("number") int number) {
        return drafts.version(app, flow, number).map(v -> Response.ok(v.bpmn, MediaType.APPLICATION_XML_TYPE)
                .header("Content-Disposition", "inline; filename=\"" + flow + ".v" + v.number + ".bpmn\"").build());
    }

    @POST
    @Path("/publish")
    public Uni<FlowPublisher.Published> publish(@PathParam("app") String app, @PathParam("flow") String flow,
                                                @QueryParam("dryRun") @DefaultValue("false") boolean dryRun) {
        return publisher.publish(app, flow, dryRun, CurrentUser.id(identity),
                identity.isAnonymous() ? null : identity.getPrincipal().getName());
    }
}
