package dev.brickwork.runtime.packages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.platform.http.JsonBodies;
import dev.brickwork.runtime.audit.PublishAudit;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A package's roles, inside the install's transaction. A package speaks only of its own app: a role's permissions
 * on other apps are kept as they are, and only the entries of this app are merged and replaced. An export gives
 * each role with this app's entries only.
 */
final class PackageRoles {

    private PackageRoles() {
    }

    /** The stored roles by key, as the role API stores them. */
    static Uni<Map<String, ObjectNode>> stored(Mutiny.Session session) {
        return session.createNativeQuery("SELECT role_key, definition::text FROM brickwork.roles ORDER BY role_key", Object[].class)
                .getResultList().map(rows -> {
                    Map<String, ObjectNode> roles = new LinkedHashMap<>();
                    for (Object[] row : rows) {
                        roles.put((String) row[0], (ObjectNode) parse((String) row[1]));
                    }
                    return roles;
                });
    }

    /** The role with only the permissions on this app: what a package holds of it. Null when it grants nothing here. */
    static ObjectNode onApp(ObjectNode role, String appKey) {
        ObjectNode copy = role.deepCopy();
        ArrayNode kept = copy.putArray("permissions");
        for (JsonNode permission : role.path("permissions")) {
            if (appKey.equals(permission.path("app").asText())) {
                kept.add(permission);
            }
        }
        return kept.isEmpty() ? null : copy;
    }

    /** The stored role with this app's permissions replaced by those of {@code onApp}. */
    static ObjectNode replaced(ObjectNode stored, ObjectNode onApp, String appKey) {
        ObjectNode result = onApp.deepCopy();
        ArrayNode permissions = result.putArray("permissions");
        if (stored != null) {
            for (JsonNode permission : stored.path("permissions")) {
                if (!appKey.equals(permission.path("app").asText())) {
                    permissions.add(permission);
                }
            }
        }
        onApp.path("permissions").forEach(permissions::add);
        return result;
    }

    static Uni<Void> write(Mutiny.Session session, String key, ObjectNode role, UUID by, String byName) {
        ObjectNode detail = JsonBodies.mapper().createObjectNode().put("key", key);
        detail.set("definition", role);
        return session.createNativeQuery("INSERT INTO brickwork.roles (role_key, definition) VALUES (?1, cast(cast(?2 as text) as jsonb))"
                        + " ON CONFLICT (role_key) DO UPDATE SET definition = excluded.definition, version = roles.version + 1,"
                        + " updated_at = now()")
                .setParameter(1, key).setParameter(2, role.toString()).executeUpdate()
                .chain(() -> PublishAudit.append(session, "role.changed", null, null, by, byName, detail));
    }

    private static JsonNode parse(String json) {
        try {
            return JsonBodies.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("A stored role is not JSON", e);
        }
    }
}
