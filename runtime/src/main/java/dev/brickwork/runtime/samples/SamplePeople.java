package dev.brickwork.runtime.samples;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.platform.http.JsonBodies;
import dev.brickwork.runtime.admin.Actor;
import dev.brickwork.runtime.admin.DepartmentCommands;
import dev.brickwork.runtime.admin.DepartmentView;
import dev.brickwork.runtime.admin.Jdbc;
import dev.brickwork.runtime.admin.UserCommands;
import dev.brickwork.runtime.admin.UserView;
import dev.brickwork.templates.samples.SampleUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The sample company's people, made through the admin commands an administrator's calls use (validation, audit,
 * permission caches told): the departments they sit in (the package made them; a missing one is created), the users
 * with the demo password, and each department's manager where it has none.
 */
@ApplicationScoped
class SamplePeople {

    /** Who a sample record is written by: a user's id and username. */
    record Person(UUID id, String username) {
    }

    /** The people made, by the set's handles, and the departments, by path. */
    record Company(Map<String, Person> users, Map<String, UUID> departments) {
    }

    @Inject
    UserCommands users;

    @Inject
    DepartmentCommands departments;

    @Inject
    Jdbc jdbc;

    Company create(List<SampleUser> staff, String password, Actor actor, Runnable userCreated) {
        Map<String, UUID> tree = departmentsByPath();
        for (SampleUser user : staff) {
            department(tree, user.department(), actor);
        }
        Map<String, Person> made = new LinkedHashMap<>();
        for (SampleUser user : staff) {
            ObjectNode body = JsonBodies.mapper().createObjectNode();
            body.put("username", user.username()).put("password", password).put("displayName", user.displayName());
            body.put("department", tree.get(user.department()).toString());
            body.set("roles", JsonBodies.mapper().valueToTree(user.roles()));
            UserView created = users.create(bytes(body), actor);
            made.put(user.handle(), new Person(created.id(), created.username()));
            userCreated.run();
        }
        for (SampleUser user : staff) {
            if (user.manages()) {
                manage(tree.get(user.department()), made.get(user.handle()).id(), actor);
            }
        }
        return new Company(Map.copyOf(made), Map.copyOf(tree));
    }

    /** The department at {@code path}, made (with its missing parents) when there is none. */
    private UUID department(Map<String, UUID> tree, String path, Actor actor) {
        UUID known = tree.get(path);
        if (known != null) {
            return known;
        }
        int slash = path.lastIndexOf('/');
        UUID parent = slash < 0 ? null : department(tree, path.substring(0, slash), actor);
        ObjectNode body = JsonBodies.mapper().createObjectNode();
        body.put("name", path.substring(slash + 1));
        body.put("parent", parent == null ? null : parent.toString());
        DepartmentView created = departments.create(bytes(body), actor);
        tree.put(path, created.id());
        return created.id();
    }

    private void manage(UUID department, UUID manager, Actor actor) {
        boolean managed = jdbc.read(c -> {
            try (var query = c.prepareStatement("SELECT manager_id FROM brickwork.departments WHERE id = ?")) {
                query.setObject(1, department);
                try (ResultSet row = query.executeQuery()) {
                    return row.next() && row.getObject(1) != null;
                }
            }
        });
        if (!managed) {
            ObjectNode body = JsonBodies.mapper().createObjectNode().put("manager", manager.toString());
            departments.change(department, bytes(body), null, actor);
        }
    }

    /** Every department by its path from the root ({@code 总部/销售部/华东}); of two with one path, the older. */
    private Map<String, UUID> departmentsByPath() {
        record Row(UUID id, String name, UUID parent) {
        }
        Map<UUID, Row> rows = jdbc.read(c -> {
            Map<UUID, Row> all = new LinkedHashMap<>();
            try (ResultSet row = c.createStatement().executeQuery(
                    "SELECT id, name, parent_id FROM brickwork.departments ORDER BY id")) {
                while (row.next()) {
                    UUID id = row.getObject(1, UUID.class);
                    all.put(id, new Row(id, row.getString(2), row.getObject(3, UUID.class)));
                }
            }
            return all;
        });
        Map<String, UUID> byPath = new HashMap<>();
        for (Row row : rows.values()) {
            StringBuilder path = new StringBuilder(row.name());
            Row up = row;
            for (int depth = 0; up.parent() != null && rows.containsKey(up.parent()) && depth < rows.size(); depth++) {
                up = rows.get(up.parent());
                path.insert(0, up.name() + "/");
            }
            byPath.putIfAbsent(path.toString(), row.id());
        }
        return byPath;
    }

    private static byte[] bytes(ObjectNode body) {
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }
}
