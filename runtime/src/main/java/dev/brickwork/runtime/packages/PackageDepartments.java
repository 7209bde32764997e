package dev.brickwork.runtime.packages;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.platform.Ids;
import dev.brickwork.platform.http.JsonBodies;
import dev.brickwork.runtime.audit.PublishAudit;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The departments a package expects, by path ({@code 总部/销售部/华东}). An install creates the missing ones (and
 * any missing department above them); it never renames, moves or removes one: the tree is the company's.
 */
final class PackageDepartments {

    private PackageDepartments() {
    }

    /** Every department's path, by path, with its id. */
    static Uni<Map<String, UUID>> stored(Mutiny.Session session) {
        return session.createNativeQuery("WITH RECURSIVE tree AS (SELECT id, name::text AS path FROM brickwork.departments"
                        + " WHERE parent_id IS NULL UNION ALL SELECT d.id, t.path || '/' || d.name FROM brickwork.departments d"
                        + " JOIN tree t ON d.parent_id = t.id) SELECT path, id FROM tree", Object[].class)
                .getResultList().map(rows -> {
                    Map<String, UUID> paths = new HashMap<>();
                    for (Object[] row : rows) {
                        paths.put((String) row[0], (UUID) row[1]);
                    }
                    return paths;
                });
    }

    /** The paths to create, parents first: the wanted ones and the departments above them that do not exist. */
    static List<String> missing(List<String> wanted, Map<String, UUID> stored) {
        TreeSet<String> missing = new TreeSet<>((a, b) -> a.split("/").length != b.split("/").length
                ? Integer.compare(a.split("/").length, b.split("/").length) : a.compareTo(b));
        for (String path : wanted) {
            String[] names = path.split("/");
            for (int depth = 1; depth <= names.length; depth++) {
                String prefix = String.join("/", java.util.Arrays.copyOf(names, depth));
                if (!stored.containsKey(prefix)) {
                    missing.add(prefix);
                }
            }
        }
        return new ArrayList<>(missing);
    }

    static Uni<Void> create(Mutiny.Session session, List<String> paths, Map<String, UUID> stored, UUID by, String byName) {
        Map<String, UUID> known = new HashMap<>(stored);
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String path : paths) {
            int slash = path.lastIndexOf('/');
            String name = path.substring(slash + 1);
            String parentPath = slash < 0 ? null : path.substring(0, slash);
            UUID id = Ids.newId();
            known.put(path, id);
            chain = chain.chain(() -> session.createNativeQuery("INSERT INTO brickwork.departments (id, name, parent_id)"
                            + " VALUES (?1, ?2, ?3)")
                    .setParameter(1, id).setParameter(2, name).setParameter(3, parentPath == null ? null : known.get(parentPath))
                    .executeUpdate()
                    .chain(() -> {
                        ObjectNode detail = JsonBodies.mapper().createObjectNode().put("id", id.toString()).put("path", path);
                        return PublishAudit.append(session, "department.created", null, null, by, byName, detail);
                    }));
        }
        return chain;
    }
}
