package dev.brickwork.runtime.directory;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.platform.http.CommonProblem;
import dev.brickwork.platform.http.ProblemError;
import dev.brickwork.platform.http.ProblemException;
import dev.brickwork.runtime.api.DirectoryApi.DepartmentList;
import dev.brickwork.runtime.api.DirectoryApi.PersonList;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The people and departments every signed-in user may look up (docs/spec.md §8): names for owners, approvers and
 * user fields, and what a user or department picker offers. Never a password, a role or a token; the admin API
 * stays the place to change people.
 */
@Path("/api/v1/directory")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class DirectoryResource {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    static final int MAX_IDS = 200;
    static final int MAX_QUERY = 100;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String PEOPLE = "SELECT u.id, u.username, u.display_name, u.disabled, d.id, d.name"
            + " FROM brickwork.users u LEFT JOIN brickwork.departments d ON d.id = u.department_id";

    @Inject
    Pool pool;

    /**
     * Active people matching {@code q} (username or display name, case-insensitive, anywhere), by display name; or,
     * with {@code ids}, exactly those people, disabled ones too (a record's owner may have left).
     */
    @GET
    @Path("/users")
    @APIResponse(responseCode = "200", description = "People, by display name",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PersonList.class)))
    public Uni<String> users(@QueryParam("q") String q, @QueryParam("ids") String ids, @QueryParam("limit") String limit) {
        List<ProblemError> errors = new ArrayList<>();
        int max = limit(limit, errors);
        UUID[] wanted = ids(ids, errors);
        if (q != null && q.length() > MAX_QUERY) {
            errors.add(ProblemError.of("/q", "QUERY_TOO_LONG", "'q' has at most " + MAX_QUERY + " characters."));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(CommonProblem.REQUEST_INVALID, "The query is invalid.", errors);
        }
        Uni<io.vertx.mutiny.sqlclient.RowSet<Row>> rows = wanted != null
                ? pool.preparedQuery(PEOPLE + " WHERE u.id = ANY($1) ORDER BY u.display_name, u.id").execute(Tuple.of(wanted))
                : pool.preparedQuery(PEOPLE + " WHERE NOT u.disabled AND ($1 = '' OR u.username ILIKE $2 ESCAPE '\\'"
                        + " OR u.display_name ILIKE $2 ESCAPE '\\') ORDER BY u.display_name, u.id LIMIT $3")
                .execute(Tuple.of(q == null ? "" : q.trim(), "%" + escaped(q == null ? "" : q.trim()) + "%", max));
        return rows.map(found -> {
            ObjectNode result = JSON.objectNode();
            ArrayNode items = result.putArray("items");
            for (Row row : found) {
                ObjectNode person = items.addObject();
                person.put("id", row.getUUID(0).toString());
                person.put("username", row.getString(1));
                person.put("displayName", row.getString(2));
                person.put("disabled", row.getBoolean(3));
                UUID department = row.getUUID(4);
                if (department == null) {
                    person.putNull("department");
                } else {
                    person.putObject("department").put("id", department.toString()).put("name", row.getString(5));
                }
            }
            return result.toString();
        });
    }

    /** Every department with its parent and its path from the top, in path order. */
    @GET
    @Path("/departments")
    @APIResponse(responseCode = "200", description = "The department tree, flat, in path order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DepartmentList.class)))
    public Uni<String> departments() {
        return pool.query("WITH RECURSIVE tree AS (SELECT id, name, parent_id, name AS path FROM brickwork.departments"
                        + " WHERE parent_id IS NULL UNION ALL SELECT d.id, d.name, d.parent_id, t.path || '/' || d.name"
                        + " FROM brickwork.departments d JOIN tree t ON d.parent_id = t.id)"
                        + " SELECT id, name, parent_id, path FROM tree ORDER BY path")
                .execute().map(found -> {
                    ObjectNode result = JSON.objectNode();
                    ArrayNode items = result.putArray("items");
                    for (Row row : found) {
                        ObjectNode department = items.addObject();
                        department.put("id", row.getUUID(0).toString());
                        department.put("name", row.getString(1));
                        UUID parent = row.getUUID(2);
                        department.put("parent", parent == null ? null : parent.toString());
                        department.put("path", row.getString(3));
                    }
                    return result.toString();
                });
    }

    private static int limit(String given, List<ProblemError> errors) {
        if (given == null || given.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(given.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(ProblemError.of("/limit", "LIMIT_INVALID", "'limit' is a whole number from 1 to " + MAX_LIMIT + "."));
        return DEFAULT_LIMIT;
    }

    private static UUID[] ids(String given, List<ProblemError> errors) {
        if (given == null || given.isBlank()) {
            return null;
        }
        String[] parts = given.split(",");
        if (parts.length > MAX_IDS) {
            errors.add(ProblemError.of("/ids", "IDS_TOO_MANY", "'ids' names at most " + MAX_IDS + " people."));
            return null;
        }
        UUID[] ids = new UUID[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                ids[i] = UUID.fromString(parts[i].trim());
            } catch (IllegalArgumentException e) {
                errors.add(ProblemError.of("/ids/" + i, "ID_INVALID", "Not a user id."));
            }
        }
        return ids;
    }

    /** {@code q} matched literally: LIKE's wildcards and escape character lose their meaning. */
    static String escaped(String q) {
        return q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
