package dev.brickwork.runtime.views;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.designer.form.PublishedForms;
import dev.brickwork.platform.http.CommonProblem;
import dev.brickwork.platform.http.IfMatch;
import dev.brickwork.platform.http.JsonBodies;
import dev.brickwork.platform.http.ProblemError;
import dev.brickwork.platform.http.ProblemException;
import dev.brickwork.runtime.access.Access;
import dev.brickwork.runtime.access.AccessService;
import dev.brickwork.runtime.access.Action;
import dev.brickwork.runtime.access.FormAccess;
import dev.brickwork.runtime.access.Scope;
import dev.brickwork.runtime.api.ViewApi.SavedView;
import dev.brickwork.runtime.api.ViewApi.ViewList;
import dev.brickwork.runtime.api.ViewApi.ViewWrite;
import dev.brickwork.runtime.records.RecordList;
import dev.brickwork.runtime.records.query.ListRequest;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Saved views per form (docs/spec.md §4): everyone who may read a form keeps views of their own; shared views are
 * read by all of them and written by admins and roles granted {@code share} on the form. A view's filter, sort and
 * search are checked as the list would check them, its columns and grouping against the fields the writer may see.
 */
@Path("/api/v1/apps/{app}/forms/{form}/views")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class ViewResource {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Inject
    ViewStore store;

    @Inject
    RecordList records;

    @Inject
    PublishedForms publishedForms;

    @Inject
    AccessService accessService;

    @Inject
    SecurityIdentity identity;

    @GET
    @APIResponse(responseCode = "200", description = "The form's shared views and the caller's own",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ViewList.class)))
    public Uni<String> list(@PathParam("app") String app, @PathParam("form") String form) {
        return reader(app, form).chain(reader -> store.visible(app, form, reader.id()).map(views -> {
            ObjectNode answer = JSON.objectNode();
            ArrayNode items = answer.putArray("items");
            views.forEach(view -> items.add(reader.json(view)));
            answer.put("canShare", reader.mayShare());
            return answer.toString();
        }));
    }

    @GET
    @Path("/{id}")
    @APIResponse(responseCode = "200", description = "The view",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SavedView.class)))
    public Uni<String> get(@PathParam("app") String app, @PathParam("form") String form, @PathParam("id") String id) {
        return reader(app, form).chain(reader -> store.find(app, form, viewId(id), reader.id())
                .map(found -> reader.json(found.orElseThrow(ViewResource::notFound)).toString()));
    }

    @POST
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ViewWrite.class)))
    @APIResponse(responseCode = "201", description = "The new view",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SavedView.class)))
    public Uni<Response> create(@PathParam("app") String app, @PathParam("form") String form, byte[] body) {
        JsonNode parsed = JsonBodies.parse(body);
        return reader(app, form).chain(reader -> checked(app, form, ViewBody.read(parsed), reader).chain(view -> {
            reader.requireShare(view.shared());
            return store.insert(app, form, view, reader.id()).onFailure(PgException.class).transform(ViewResource::nameTaken);
        }).map(stored -> Response.created(URI.create("/api/v1/apps/" + app + "/forms/" + form + "/views/" + stored.id()))
                .entity(reader.json(stored).toString()).build()));
    }

    /** Replaces the view's name, sharing and state; {@code If-Match} with its version refuses a stale replace. */
    @PUT
    @Path("/{id}")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ViewWrite.class)))
    @APIResponse(responseCode = "200", description = "The view as saved",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SavedView.class)))
    public Uni<String> replace(@PathParam("app") String app, @PathParam("form") String form, @PathParam("id") String id,
                               @HeaderParam("If-Match") String ifMatch, byte[] body) {
        JsonNode parsed = JsonBodies.parse(body);
        UUID viewId = viewId(id);
        return reader(app, form).chain(reader -> store.find(app, form, viewId, reader.id()).chain(found -> {
            ViewStore.Stored current = writable(found.orElseThrow(ViewResource::notFound), reader, ifMatch);
            return checked(app, form, ViewBody.read(parsed), reader).chain(view -> {
                reader.requireShare(view.shared());
                return store.replace(viewId, current.version(), view).onFailure(PgException.class).transform(ViewResource::nameTaken);
            });
        }).map(saved -> reader.json(saved.orElseThrow(ViewResource::stale)).toString()));
    }

    @DELETE
    @Path("/{id}")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Uni<Response> delete(@PathParam("app") String app, @PathParam("form") String form, @PathParam("id") String id,
                                @HeaderParam("If-Match") String ifMatch) {
        UUID viewId = viewId(id);
        return reader(app, form).chain(reader -> store.find(app, form, viewId, reader.id()).chain(found -> {
            ViewStore.Stored current = writable(found.orElseThrow(ViewResource::notFound), reader, ifMatch);
            return store.delete(viewId, current.version());
        })).map(deleted -> {
            if (!deleted) {
                throw stale();
            }
            return Response.noContent().build();
        });
    }

    /** The caller on this form: who they are, what they may see, whether they may share. 404 without the form, 403 without read. */
    private Uni<Reader> reader(String app, String form) {
        return accessService.of(identity).chain(access -> publishedForms.all(app).chain(forms -> {
            if (forms.get(form) == null) {
                throw new ProblemException(CommonProblem.NOT_FOUND, "The app has no published form with this key.");
            }
            FormAccess rights = access.form(app, form);
            if (rights.scope(Action.READ) == Scope.NONE) {
                throw new ProblemException(CommonProblem.FORBIDDEN, "Your roles do not allow reading this form.");
            }
            return records.check(app, form, ListRequest.firstPage(), access)
                    .map(keys -> new Reader(access, rights, Set.copyOf(keys), selects(forms.get(form).source())));
        }));
    }

    /** The body's problems, then those that need the form: the list's own checks of filter, sort and q. */
    private Uni<ViewBody> checked(String app, String form, ViewBody view, Reader reader) {
        List<ProblemError> errors = new java.util.ArrayList<>(view.errors());
        for (int i = 0; i < view.state().path("columns").size(); i++) {
            if (!reader.visible().contains(view.state().path("columns").get(i).asText())) {
                errors.add(ProblemError.of("/columns/" + i, "VIEW_COLUMN_UNKNOWN", "The form has no field with this key that you may see."));
            }
        }
        String groupBy = view.state().path("groupBy").asText(null);
        if (groupBy != null && !(reader.visible().contains(groupBy) && reader.selects().contains(groupBy))) {
            errors.add(ProblemError.of("/groupBy", "VIEW_GROUP_INVALID", "A kanban groups by a single-choice select field you may see."));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(CommonProblem.REQUEST_INVALID, "The view has problems; nothing was saved.", errors);
        }
        JsonNode filter = view.state().path("filter");
        ListRequest asList = new ListRequest(null, view.state().path("sort").asText(null), view.state().path("q").asText(null),
                null, null, false, false, filter.isObject() ? filter : null);
        return records.check(app, form, asList, reader.access()).replaceWith(view);
    }

    private static ViewStore.Stored writable(ViewStore.Stored view, Reader reader, String ifMatch) {
        if (view.shared() ? !reader.mayShare() : !view.owner().equals(reader.id())) {
            throw new ProblemException(CommonProblem.FORBIDDEN, "Only those whose roles may share views change a shared view.");
        }
        if (IfMatch.stale(IfMatch.version(ifMatch), view.version())) {
            throw stale();
        }
        return view;
    }

    private static Set<String> selects(JsonNode source) {
        Set<String> selects = new HashSet<>();
        for (JsonNode field : source.path("fields")) {
            if ("select".equals(field.path("type").asText())) {
                selects.add(field.path("key").asText());
            }
        }
        return selects;
    }

    private static UUID viewId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw notFound();
        }
    }

    private static ProblemException notFound() {
        return new ProblemException(CommonProblem.NOT_FOUND, "No view with this id on this form that you may see.");
    }

    private static ProblemException stale() {
        return new ProblemException(CommonProblem.STALE_VERSION, "The view was changed since you read it; read it again.");
    }

    private static Throwable nameTaken(Throwable failure) {
        if ("23505".equals(((PgException) failure).getSqlState())) {
            return new ProblemException(CommonProblem.REQUEST_INVALID, "The view has problems; nothing was saved.",
                    List.of(ProblemError.of("/name", "VIEW_NAME_TAKEN", "A view with this name exists already; choose another.")));
        }
        return failure;
    }

    /** One caller on one form. */
    private record Reader(Access access, FormAccess rights, Set<String> visible, Set<String> selects) {

        UUID id() {
            return access.caller().id();
        }

        boolean mayShare() {
            return rights.scope(Action.SHARE) != Scope.NONE;
        }

        void requireShare(boolean shared) {
            if (shared && !mayShare()) {
                throw new ProblemException(CommonProblem.FORBIDDEN, "Your roles do not allow sharing views on this form.");
            }
        }

        /** A view as this caller gets it: columns they may not see left out, and what they may do to it. */
        ObjectNode json(ViewStore.Stored view) {
            ObjectNode json = JSON.objectNode();
            json.put("id", view.id().toString());
            json.put("name", view.name());
            json.put("shared", view.shared());
            json.put("type", view.type());
            ArrayNode columns = json.putArray("columns");
            view.state().path("columns").forEach(column -> {
                if (visible.contains(column.asText())) {
                    columns.add(column);
                }
            });
            json.set("filter", view.state().path("filter").isObject() ? view.state().get("filter") : JSON.nullNode());
            json.set("presets", view.state().path("presets").isObject() ? view.state().get("presets") : JSON.objectNode());
            json.put("sort", view.state().path("sort").asText(null));
            json.put("q", view.state().path("q").asText(null));
            json.put("groupBy", view.state().path("groupBy").asText(null));
            json.put("owner", view.owner().toString());
            json.put("version", view.version());
            json.put("createdAt", view.createdAt().toInstant().toString());
            json.put("updatedAt", view.updatedAt().toInstant().toString());
            boolean writes = view.shared() ? mayShare() : view.owner().equals(id());
            json.putObject("can").put("update", writes).put("delete", writes);
            return json;
        }
    }
}
