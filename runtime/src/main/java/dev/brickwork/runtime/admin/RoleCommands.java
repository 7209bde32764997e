package dev.brickwork.runtime.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.platform.http.JsonBodies;
import dev.brickwork.platform.http.ProblemException;
import dev.brickwork.runtime.audit.AuditLog;
import dev.brickwork.runtime.auth.AccessChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Defining roles (PUT creates or replaces) and reading them; the stored JSON is the normalised definition. */
@ApplicationScoped
public class RoleCommands {

    /** A stored role: its definition and the version an ETag carries. */
    public record StoredRole(ObjectNode definition, int version) {

        /** The definition with {@code version} beside key and permissions, as the API answers. */
        public ObjectNode body() {
            return definition.deepCopy().put("version", version);
        }
    }

    @Inject
    Jdbc jdbc;

    @Inject
    AuditLog audit;

    @Inject
    Event<AccessChanged> accessChanged;

    public StoredRole put(String key, byte[] json, Integer ifMatch, Actor actor) {
        RoleDefinitions.Result result = RoleDefinitions.validate(key, JsonBodies.parse(json));
        if (!result.errors().isEmpty()) {
            throw new ProblemException(AdminProblem.ROLE_INVALID, "The role has problems; see errors.", result.errors());
        }
        ObjectNode role = result.role();
        StoredRole stored = jdbc.transaction(c -> {
            StoredRole before = find(c, key, true);
            if (ifMatch != null) {
                // If-Match on a role that does not exist yet can match nothing
                Params.requireVersion(ifMatch, before == null ? -1 : before.version());
            }
            int version;
            try (PreparedStatement upsert = c.prepareStatement("INSERT INTO brickwork.roles (role_key, definition)"
                    + " VALUES (?, ?::jsonb) ON CONFLICT (role_key) DO UPDATE SET definition = excluded.definition,"
                    + " version = roles.version + 1, updated_at = now() RETURNING version")) {
                upsert.setString(1, key);
                upsert.setString(2, role.toString());
                try (ResultSet row = upsert.executeQuery()) {
                    row.next();
                    version = row.getInt(1);
                }
            }
            ObjectNode detail = JsonBodies.mapper().createObjectNode();
            detail.put("key", key).put("version", version);
            detail.set("definition", role);
            audit.appendBlocking(c, actor.entry("role.changed", null).with(detail));
            return new StoredRole(role, version);
        });
        accessChanged.fire(new AccessChanged(AccessChanged.ROLES));
        return stored;
    }

    public StoredRole get(String key) {
        StoredRole role = jdbc.read(c -> find(c, key, false));
        if (role == null) {
            throw new ProblemException(AdminProblem.ROLE_NOT_FOUND, "There is no role with this key.");
        }
        return role;
    }

    public List<StoredRole> all() {
        return jdbc.read(c -> {
            List<StoredRole> all = new ArrayList<>();
            try (PreparedStatement query = c.prepareStatement("SELECT definition::text, version FROM brickwork.roles ORDER BY role_key");
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    all.add(new StoredRole(parse(rows.getString(1)), rows.getInt(2)));
                }
            }
            return all;
        });
    }

    private static StoredRole find(Connection c, String key, boolean forUpdate) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT definition::text, version FROM brickwork.roles WHERE role_key = ?"
                + (forUpdate ? " FOR UPDATE" : ""))) {
            query.setString(1, key);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? new StoredRole(parse(row.getString(1)), row.getInt(2)) : null;
            }
        }
    }

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JsonBodies.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored role is not JSON", e);
        }
    }
}
