package dev.brickwork.runtime.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.platform.Ids;
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
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** Creating and changing departments: check, act, audit in one transaction; then tell the permission caches. */
@ApplicationScoped
public class DepartmentCommands {

    private static final Set<String> PROPERTIES = Set.of("name", "parent", "manager");
    private static final int MAX_NAME = 200;

    @Inject
    Jdbc jdbc;

    @Inject
    AuditLog audit;

    @Inject
    Event<AccessChanged> accessChanged;

    public DepartmentView create(byte[] json, Actor actor) {
        Body body = Body.parse(json, PROPERTIES);
        String name = body.text("name", MAX_NAME);
        UUID parent = body.idOrNull("parent");
        UUID manager = body.idOrNull("manager");
        body.throwIfInvalid(AdminProblem.DEPARTMENT_INVALID, "The department has problems; see errors.");
        DepartmentView created = jdbc.transaction(c -> {
            checkReferences(c, body, parent, manager);
            DepartmentView department = new DepartmentView(Ids.newId(), name, parent, manager, 1);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO brickwork.departments"
                    + " (id, name, parent_id, manager_id) VALUES (?, ?, ?, ?)")) {
                insert.setObject(1, department.id());
                insert.setString(2, name);
                insert.setObject(3, parent);
                insert.setObject(4, manager);
                insert.executeUpdate();
            }
            audit.appendBlocking(c, actor.entry("department.created", department.id()).with(JsonBodies.mapper().valueToTree(department)));
            return department;
        });
        accessChanged.fire(new AccessChanged(AccessChanged.DEPARTMENTS));
        return created;
    }

    public DepartmentView change(UUID id, byte[] json, Integer ifMatch, Actor actor) {
        Body body = Body.parse(json, PROPERTIES);
        String name = body.has("name") ? body.text("name", MAX_NAME) : null;
        UUID parent = body.idOrNull("parent");
        UUID manager = body.idOrNull("manager");
        body.throwIfInvalid(AdminProblem.DEPARTMENT_INVALID, "The change has problems; see errors.");
        Outcome outcome = jdbc.transaction(c -> {
            if (body.has("parent")) {
                // moves are rare; serialising them is the simple way to make two concurrent moves unable to form a cycle
                c.createStatement().execute("LOCK TABLE brickwork.departments IN SHARE ROW EXCLUSIVE MODE");
            }
            DepartmentView before = DepartmentView.find(c, id, true);
            if (before == null) {
                throw new ProblemException(AdminProblem.DEPARTMENT_NOT_FOUND, "There is no department with this id.");
            }
            Params.requireVersion(ifMatch, before.version());
            checkReferences(c, body, parent, manager);
            if (parent != null && wouldCycle(c, id, parent)) {
                body.error("/parent", "DEPARTMENT_CYCLE", "A department cannot sit below itself or one of its own sub-departments.");
            }
            body.throwIfInvalid(AdminProblem.DEPARTMENT_INVALID, "The change has problems; see errors.");
            DepartmentView after = new DepartmentView(id, name == null ? before.name() : name,
                    body.has("parent") ? parent : before.parent(), body.has("manager") ? manager : before.manager(),
                    before.version() + 1);
            List<String> changed = changes(before, after);
            if (changed.isEmpty()) {
                return new Outcome(before, false);
            }
            try (PreparedStatement update = c.prepareStatement("UPDATE brickwork.departments"
                    + " SET name = ?, parent_id = ?, manager_id = ?, version = ? WHERE id = ?")) {
                update.setString(1, after.name());
                update.setObject(2, after.parent());
                update.setObject(3, after.manager());
                update.setInt(4, after.version());
                update.setObject(5, id);
                update.executeUpdate();
            }
            ObjectNode detail = JsonBodies.mapper().createObjectNode();
            detail.set("changed", JsonBodies.mapper().valueToTree(changed));
            detail.set("to", JsonBodies.mapper().valueToTree(after));
            audit.appendBlocking(c, actor.entry("department.changed", id).with(detail));
            return new Outcome(after, true);
        });
        if (outcome.changed()) {
            accessChanged.fire(new AccessChanged(AccessChanged.DEPARTMENTS));
        }
        return outcome.department();
    }

    private record Outcome(DepartmentView department, boolean changed) {
    }

    private static void checkReferences(Connection c, Body body, UUID parent, UUID manager) throws SQLException {
        if (parent != null && !Lookups.departmentExists(c, parent)) {
            body.error("/parent", "DEPARTMENT_UNKNOWN", "No department has this id.");
        }
        if (manager != null && !Lookups.userExists(c, manager)) {
            body.error("/manager", "USER_UNKNOWN", "No user has this id.");
        }
        body.throwIfInvalid(AdminProblem.DEPARTMENT_INVALID, "The department has problems; see errors.");
    }

    /** True when {@code parent} is {@code id} itself or lies below it: walking up from it reaches {@code id}. */
    private static boolean wouldCycle(Connection c, UUID id, UUID parent) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("WITH RECURSIVE up (id, parent_id) AS ("
                + " SELECT id, parent_id FROM brickwork.departments WHERE id = ?"
                + " UNION SELECT d.id, d.parent_id FROM brickwork.departments d JOIN up ON d.id = up.parent_id)"
                + " SELECT 1 FROM up WHERE id = ?")) {
            query.setObject(1, parent);
            query.setObject(2, id);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    private static List<String> changes(DepartmentView before, DepartmentView after) {
        List<String> changed = new ArrayList<>();
        if (!before.name().equals(after.name())) {
            changed.add("name");
        }
        if (!Objects.equals(before.parent(), after.parent())) {
            changed.add("parent");
        }
        if (!Objects.equals(before.manager(), after.manager())) {
            changed.add("manager");
        }
        return changed;
    }
}
