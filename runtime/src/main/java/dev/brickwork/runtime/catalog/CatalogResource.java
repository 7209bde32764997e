package dev.brickwork.runtime.catalog;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.designer.form.PublishedForms;
import dev.brickwork.designer.form.PublishedForms.PublishedForm;
import dev.brickwork.platform.http.CommonProblem;
import dev.brickwork.platform.http.JsonBodies;
import dev.brickwork.platform.http.ProblemException;
import dev.brickwork.runtime.access.Access;
import dev.brickwork.runtime.access.AccessService;
import dev.brickwork.runtime.access.Action;
import dev.brickwork.runtime.access.FormAccess;
import dev.brickwork.runtime.access.Scope;
import dev.brickwork.runtime.api.CatalogApi.AppList;
import dev.brickwork.runtime.api.CatalogApi.StaffForm;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What staff may open (docs/spec.md §4 addition): the apps and forms a caller's roles reach, and a published form's
 * definition as the caller may use it, so a client can draw lists and forms without the admin-only design API. Built
 * from the compiled-form cache; a form's answer carries an ETag over its content (version and the caller's rights),
 * so a client asks again cheaply with {@code If-None-Match}.
 */
@Path("/api/v1/apps")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Inject
    Pool pool;

    @Inject
    PublishedForms publishedForms;

    @Inject
    AccessService accessService;

    @Inject
    SecurityIdentity identity;

    /** The apps with at least one form the caller may read or create on, each with those forms in the app's order. */
    @GET
    @APIResponse(responseCode = "200", description = "The apps and forms the caller may open",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppList.class)))
    public Uni<String> apps() {
        return accessService.of(identity).chain(access -> publishedOrder().chain(order -> {
            List<Uni<ObjectNode>> apps = new ArrayList<>();
            order.forEach((app, forms) -> apps.add(app(app.key(), app.label(), forms, access)));
            if (apps.isEmpty()) {
                return Uni.createFrom().item(List.<ObjectNode>of());
            }
            return Uni.join().all(apps).andFailFast();
        })).map(apps -> {
            ObjectNode answer = JSON.objectNode();
            ArrayNode items = answer.putArray("items");
            apps.stream().filter(app -> !app.path("forms").isEmpty()).forEach(items::add);
            return answer.toString();
        });
    }

    /** A published form as the caller may use it; 404 for a form they may neither read nor create on. */
    @GET
    @Path("/{app}/forms/{form}")
    @APIResponse(responseCode = "200", description = "The form's definition as the caller may use it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StaffForm.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    public Uni<Response> form(@PathParam("app") String app, @PathParam("form") String form,
                              @HeaderParam("If-None-Match") String ifNoneMatch) {
        return accessService.of(identity).chain(access -> publishedForms.all(app).map(forms -> {
            PublishedForm published = forms.get(form);
            FormAccess rights = access.form(app, form);
            if (published == null || !opens(rights)) {
                throw new ProblemException(CommonProblem.NOT_FOUND, "The app has no published form with this key that you may open.");
            }
            String body = StaffFormView.of(app, published, rights, forms).toString();
            String etag = "\"" + digest(body) + "\"";
            CacheControl revalidate = new CacheControl();
            revalidate.setNoCache(true);
            revalidate.setPrivate(true);
            if (etag.equals(ifNoneMatch)) {
                return Response.notModified().tag(etag.substring(1, etag.length() - 1)).cacheControl(revalidate).build();
            }
            return Response.ok(body).header("ETag", etag).cacheControl(revalidate).build();
        }));
    }

    private Uni<ObjectNode> app(String appKey, String label, List<String> formKeys, Access access) {
        return publishedForms.all(appKey).map(forms -> {
            ObjectNode app = JSON.objectNode();
            app.put("key", appKey);
            app.set("label", JsonBodies.parse(label));
            ArrayNode items = app.putArray("forms");
            for (String key : formKeys) {
                PublishedForm form = forms.get(key);
                FormAccess rights = access.form(appKey, key);
                if (form != null && opens(rights)) {
                    ObjectNode item = items.addObject();
                    item.put("key", key);
                    item.set("label", form.source().path("label"));
                    item.set("can", StaffFormView.can(rights));
                }
            }
            return app;
        });
    }

    private static boolean opens(FormAccess rights) {
        return rights.scope(Action.READ) != Scope.NONE || rights.scope(Action.CREATE) != Scope.NONE;
    }

    private record AppKey(String key, String label) {
    }

    /** Every app with its published forms in the order they were made. */
    private Uni<Map<AppKey, List<String>>> publishedOrder() {
        return pool.query("SELECT a.app_key, a.label::text, f.form_key FROM brickwork.apps a"
                        + " JOIN brickwork.forms f ON f.app_id = a.id AND f.current_version IS NOT NULL"
                        + " ORDER BY a.app_key, f.id").execute()
                .map(rows -> {
                    Map<AppKey, List<String>> order = new LinkedHashMap<>();
                    for (Row row : rows) {
                        order.computeIfAbsent(new AppKey(row.getString(0), row.getString(1)), k -> new ArrayList<>())
                                .add(row.getString(2));
                    }
                    return order;
                });
    }

    private static String digest(String body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
