package dev.brickwork.runtime.flows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.workflow.model.Approver;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Turns approvers (docs/spec.md §5) into the ids of active users, in the engine's transaction: users, role holders, the
 * user in a field of the record, that user's manager (up the department tree when they manage their own
 * department), the members of a department. Disabled users never decide.
 */
final class ApproverResolver {

    private static final String ACTIVE = "SELECT id FROM brickwork.users WHERE id = ? AND NOT disabled";
    private static final String ROLE = "SELECT u.id FROM brickwork.users u JOIN brickwork.user_roles r ON r.user_id = u.id"
            + " WHERE r.role_key = ? AND NOT u.disabled ORDER BY u.username";
    private static final String MEMBERS = "SELECT id FROM brickwork.users WHERE department_id = ? AND NOT disabled ORDER BY username";
    /**
     * The active manager of a user: of their department, or for its own manager the nearest manager above (a
     * disabled one stops the search: nobody decides in their place). One query up the tree, at most 64 levels.
     */
    private static final String MANAGER_OF = "WITH RECURSIVE up (manager_id, parent_id, depth) AS ("
            + " SELECT d.manager_id, d.parent_id, 0 FROM brickwork.users u JOIN brickwork.departments d"
            + " ON d.id = u.department_id WHERE u.id = ?"
            + " UNION ALL SELECT d.manager_id, d.parent_id, up.depth + 1 FROM up JOIN brickwork.departments d"
            + " ON d.id = up.parent_id WHERE up.depth < 63 AND (up.manager_id IS NULL OR up.manager_id = ?))"
            + " SELECT m.id FROM (SELECT manager_id FROM up WHERE manager_id IS NOT NULL AND manager_id <> ?"
            + " ORDER BY depth LIMIT 1) first JOIN brickwork.users m ON m.id = first.manager_id WHERE NOT m.disabled";

    private final Connection connection;

    ApproverResolver(Connection connection) {
        this.connection = connection;
    }

    /** @param record the record as the API shows it (for {@code field} and {@code managerOf}) */
    List<String> resolve(List<Approver> approvers, ObjectNode record) {
        Set<String> users = new LinkedHashSet<>();
        try {
            for (Approver approver : approvers) {
                users.addAll(resolve(approver, record));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Approvers could not be resolved", e);
        }
        return new ArrayList<>(users);
    }

    private List<String> resolve(Approver approver, ObjectNode record) throws SQLException {
        if (approver instanceof Approver.User user) {
            return active(parse(user.id()));
        }
        if (approver instanceof Approver.Role role) {
            return ids(ROLE, role.key());
        }
        if (approver instanceof Approver.Department department) {
            UUID id = parse(department.id());
            return id == null ? List.of() : ids(MEMBERS, id);
        }
        if (approver instanceof Approver.Field field) {
            return active(userIn(record, field.field()));
        }
        if (approver instanceof Approver.ManagerOf managerOf) {
            UUID user = userIn(record, managerOf.field());
            return user == null ? List.of() : managerOf(user);
        }
        return List.of();
    }

    private List<String> managerOf(UUID user) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(MANAGER_OF)) {
            query.setObject(1, user);
            query.setObject(2, user);
            query.setObject(3, user);
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class).toString());
                }
            }
            return ids;
        }
    }

    private static UUID userIn(ObjectNode record, String field) {
        String value = switch (field) {
            case "owner" -> record.path("owner").asText(null);
            case "created_by" -> record.path("createdBy").asText(null);
            default -> record.path("fields").path(field).asText(null);
        };
        return parse(value);
    }

    private List<String> active(UUID user) throws SQLException {
        return user == null ? List.of() : ids(ACTIVE, user);
    }

    private List<String> ids(String sql, Object parameter) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class).toString());
                }
            }
        }
        return ids;
    }

    private static UUID parse(String id) {
        if (id == null) {
            return null;
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
