package dev.brickwork.runtime.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.designer.form.PublishedForms;
import dev.brickwork.platform.http.CommonProblem;
import dev.brickwork.platform.http.ProblemError;
import dev.brickwork.platform.http.ProblemException;
import dev.brickwork.runtime.access.Access;
import dev.brickwork.runtime.access.AccessExplanation;
import dev.brickwork.runtime.access.AccessService;
import dev.brickwork.runtime.access.Action;
import dev.brickwork.runtime.access.Scope;
import dev.brickwork.runtime.api.AdminApi.AccessUser;
import dev.brickwork.runtime.api.AdminApi.ActionAccess;
import dev.brickwork.runtime.api.AdminApi.FieldRestriction;
import dev.brickwork.runtime.api.AdminApi.RoleFieldAccess;
import dev.brickwork.runtime.api.AdminApi.UserAccess;
import dev.brickwork.runtime.api.AdminApi.VisibleRecords;
import dev.brickwork.runtime.auth.TokenIdentityProvider;
import dev.brickwork.runtime.records.RecordList;
import dev.brickwork.runtime.records.query.ListRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * {@code GET /admin/users/{id}/access?app=&form=} (docs/spec.md §8 addition): an admin sees one form as one user would.
 * The user's rights are resolved exactly as their own session's are ({@link TokenIdentityProvider#userIdentity},
 * {@link AccessService}), explained by {@link Access#explain}, and the records are counted by the list call the user
 * would make, so the preview cannot disagree with what the user gets.
 */
@Path("/api/v1/admin/users/{id}/access")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class UserAccessResource {

    private static final String USER_SQL = "SELECT u.username, u.display_name, u.is_admin, u.department_id, u.disabled,"
            + " array(SELECT r.role_key FROM brickwork.user_roles r WHERE r.user_id = u.id ORDER BY r.role_key)"
            + " FROM brickwork.users u WHERE u.id = $1";

    @Inject
    Pool pool;

    @Inject
    AccessService accessService;

    @Inject
    PublishedForms publishedForms;

    @Inject
    RecordList records;

    private record Subject(AccessUser user, String[] roles) {
    }

    @GET
    @APIResponse(responseCode = "200", description = "What the user may do on the form, which role grants it, and how many records they see",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserAccess.class)))
    public Uni<UserAccess> access(@PathParam("id") String id, @QueryParam("app") String app, @QueryParam("form") String form) {
        UUID userId = Params.uuid(id);
        if (userId == null) {
            throw unknownUser();
        }
        requireParams(app, form);
        return user(userId).chain(subject -> requireForm(app, form).chain(ignored -> {
            AccessUser user = subject.user();
            return accessService.of(TokenIdentityProvider.userIdentity(user.id(), user.username(), user.admin(),
                    user.department(), subject.roles())).chain(access -> explain(user, app, form, access));
        }));
    }

    private Uni<UserAccess> explain(AccessUser user, String app, String form, Access access) {
        AccessExplanation explanation = access.explain(app, form);
        List<ActionAccess> actions = explanation.actions().stream()
                .map(a -> new ActionAccess(a.action().json(), json(a.scope()), a.grantedBy())).toList();
        List<FieldRestriction> fields = explanation.fields().stream()
                .map(f -> new FieldRestriction(f.field(), json(f.access()), f.byRole().stream()
                        .map(r -> new RoleFieldAccess(r.role(), json(r.access()))).toList())).toList();
        return visible(app, form, access).map(visible -> new UserAccess(user, app, form, actions, fields, visible));
    }

    /** The total of the first page of the user's own list with {@code count=true}; none without a read scope. */
    private Uni<VisibleRecords> visible(String app, String form, Access access) {
        if (access.form(app, form).scope(Action.READ) == Scope.NONE) {
            return Uni.createFrom().item(new VisibleRecords(0, false));
        }
        ListRequest counted = new ListRequest(null, null, null, "1", null, true, false);
        return records.page(app, form, counted, access).map((ObjectNode page) ->
                new VisibleRecords(page.path("total").asLong(), page.path("totalEstimated").asBoolean()));
    }

    private Uni<Subject> user(UUID id) {
        return pool.preparedQuery(USER_SQL).execute(Tuple.of(id)).map(rows -> {
            if (!rows.iterator().hasNext()) {
                throw unknownUser();
            }
            Row row = rows.iterator().next();
            String[] roles = row.getArrayOfStrings(5);
            List<String> shown = Arrays.stream(roles).toList();
            AccessUser user = new AccessUser(id, row.getString(0), row.getString(1), row.getUUID(3), shown,
                    row.getBoolean(2), row.getBoolean(4));
            return new Subject(user, roles);
        });
    }

    private Uni<Void> requireForm(String app, String form) {
        return publishedForms.all(app).map(forms -> {
            if (forms.isEmpty()) {
                throw notFound("/app", "APP_NOT_FOUND", "No app with this key has published forms.");
            }
            if (!forms.containsKey(form)) {
                throw notFound("/form", "FORM_NOT_FOUND", "The app has no published form with this key.");
            }
            return null;
        });
    }

    private static void requireParams(String app, String form) {
        List<ProblemError> missing = new ArrayList<>();
        if (app == null || app.isBlank()) {
            missing.add(ProblemError.of("/app", "PROPERTY_REQUIRED", "Name the app (app=)."));
        }
        if (form == null || form.isBlank()) {
            missing.add(ProblemError.of("/form", "PROPERTY_REQUIRED", "Name the form (form=)."));
        }
        if (!missing.isEmpty()) {
            throw new ProblemException(CommonProblem.REQUEST_INVALID, "Name the app and the form to look at.", missing);
        }
    }

    private static ProblemException unknownUser() {
        return new ProblemException(AdminProblem.USER_NOT_FOUND, "There is no user with this id.",
                List.of(ProblemError.of("/id", "USER_NOT_FOUND", "There is no user with this id.")));
    }

    private static ProblemException notFound(String pointer, String code, String message) {
        return new ProblemException(CommonProblem.NOT_FOUND, message, List.of(ProblemError.of(pointer, code, message)));
    }

    private static String json(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
