package dev.brickwork.runtime.access;

import com.fasterxml.jackson.databind.JsonNode;
import dev.brickwork.designer.CurrentUser;
import dev.brickwork.platform.http.JsonBodies;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Works out what a caller may do from their identity: role definitions and the department tree are held in
 * memory and dropped whenever an admin changes roles, users or departments.
 */
@ApplicationScoped
public class AccessService {

    /** Identity attribute: the caller's department id. */
    public static final String DEPARTMENT_ID = "brickwork.departmentId";
    private static final Set<String> BUILT_IN = Set.of("user", "admin", "metrics");

    @Inject
    Pool pool;

    private volatile Map<String, JsonNode> roles;
    private volatile Map<UUID, List<UUID>> children;
    private volatile Map<UUID, List<UUID>> members;
    private final Map<String, FormAccess> unions = new java.util.concurrent.ConcurrentHashMap<>();

    public Uni<Access> of(SecurityIdentity identity) {
        return Uni.combine().all().unis(roles(), children(), members()).asTuple().map(loaded -> {
            Object department = identity.getAttribute(DEPARTMENT_ID);
            UUID departmentId = department instanceof UUID id ? id : null;
            String name = identity.isAnonymous() ? null : identity.getPrincipal().getName();
            Set<UUID> subtree = subtree(departmentId, loaded.getItem2());
            Map<UUID, List<UUID>> byDepartment = loaded.getItem3();
            UUID[] departmentMembers = departmentId == null ? new UUID[0]
                    : byDepartment.getOrDefault(departmentId, List.of()).toArray(UUID[]::new);
            UUID[] subtreeMembers = subtree.stream().flatMap(d -> byDepartment.getOrDefault(d, List.of()).stream())
                    .toArray(UUID[]::new);
            Caller caller = new Caller(CurrentUser.id(identity), name, departmentId, subtree, identity.hasRole("admin"),
                    departmentMembers, subtreeMembers);
            List<JsonNode> held = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            for (String role : new java.util.TreeSet<>(identity.getRoles())) {
                if (!BUILT_IN.contains(role) && loaded.getItem1().containsKey(role)) {
                    held.add(loaded.getItem1().get(role));
                    keys.add(role);
                }
            }
            return new Access(caller, held, String.join(",", keys), unions);
        });
    }

    /** An admin changed roles, a user's roles or department, or the department tree: read them again when next needed. */
    void onAccessChanged(@jakarta.enterprise.event.Observes dev.brickwork.runtime.auth.AccessChanged change) {
        rolesChanged();
        departmentsChanged();
    }

    /** Another node changed roles, users or departments. */
    void onClusterChange(@jakarta.enterprise.event.Observes dev.brickwork.platform.cluster.ClusterChange change) {
        if (AccessBroadcast.TOPIC.equals(change.topic())) {
            rolesChanged();
            departmentsChanged();
        }
    }

    public void rolesChanged() {
        roles = null;
        unions.clear();
    }

    public void departmentsChanged() {
        children = null;
        members = null;
    }

    private Uni<Map<String, JsonNode>> roles() {
        Map<String, JsonNode> cached = roles;
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        return pool.query("SELECT role_key, definition::text FROM brickwork.roles").execute().map(rows -> {
            Map<String, JsonNode> loaded = new HashMap<>();
            for (Row row : rows) {
                loaded.put(row.getString(0), JsonBodies.parse(row.getString(1)));
            }
            roles = Map.copyOf(loaded);
            return roles;
        });
    }

    private Uni<Map<UUID, List<UUID>>> children() {
        Map<UUID, List<UUID>> cached = children;
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        return pool.query("SELECT id, parent_id FROM brickwork.departments").execute().map(rows -> {
            Map<UUID, List<UUID>> loaded = new HashMap<>();
            for (Row row : rows) {
                UUID parent = row.getUUID(1);
                if (parent != null) {
                    loaded.computeIfAbsent(parent, p -> new ArrayList<>()).add(row.getUUID(0));
                }
            }
            children = Map.copyOf(loaded);
            return children;
        });
    }

    private Uni<Map<UUID, List<UUID>>> members() {
        Map<UUID, List<UUID>> cached = members;
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        return pool.query("SELECT id, department_id FROM brickwork.users WHERE department_id IS NOT NULL").execute().map(rows -> {
            Map<UUID, List<UUID>> loaded = new HashMap<>();
            for (Row row : rows) {
                loaded.computeIfAbsent(row.getUUID(1), d -> new ArrayList<>()).add(row.getUUID(0));
            }
            members = Map.copyOf(loaded);
            return members;
        });
    }

    private static Set<UUID> subtree(UUID root, Map<UUID, List<UUID>> children) {
        Set<UUID> all = new HashSet<>();
        if (root == null) {
            return all;
        }
        Deque<UUID> pending = new ArrayDeque<>(List.of(root));
        while (!pending.isEmpty()) {
            UUID next = pending.pop();
            if (all.add(next)) {
                pending.addAll(children.getOrDefault(next, List.of()));
            }
        }
        return all;
    }
}
