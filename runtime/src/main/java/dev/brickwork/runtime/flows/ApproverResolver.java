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
 * Turns approvers (SPEC §5) into the ids of active users, in the engine's transaction: users, role holders, the
 * user in a field of the record, that user's manager (up the department tree when they manage their own
 * department), the members of a department. Disabled users never decide.
 */
final class ApproverResolver {

    private static final String ACTIVE = "SELECT id FROM brickwork.users WHERE id = ? AND NOT disabled";
    private static final String ROLE = "SELECT u.id FROM brickwork.users u JOIN brickwork.user_roles r ON r.user_id = u.id"
            + " WHERE r.role_key = ? AND NOT u.disabled ORDER BY u.username";
    private static final String MEMBERS = "SELECT id FROM brickwork.users WHERE department_id = ? AND NOT disabled ORDER BY username";
    private static final String DEPARTMENT_OF = "SELECT department_id FROM brickwork.users WHERE id = ?";
    private static final String DEPARTMENT = "SELECT manager_id, parent_id FROM brickwork.departments WHERE id = ?";

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
            return user == null ? List.of() : active(managerOf(user));
        }
        return List.of();
    }

    /** The manager of the user's department; for its own manager, the nearest manager above. */
    private UUID managerOf(UUID user) throws SQLException {
        UUID department = single(DEPARTMENT_OF, user);
        for (int depth = 0; department != null && depth < 64; depth++) {
            try (PreparedStatement query = connection.prepareStatement(DEPARTMENT)) {
                query.setObject(1, department);
                try (ResultSet rows = query.executeQuery()) {
                    if (!rows.next()) {
                        return null;
                    }
                    UUID manager = rows.getObject(1, UUID.class);
                    if (manager != null && !manager.equals(user)) {
                        return manager;
                    }
                    department = rows.getObject(2, UUID.class);
                }
            }
        }
        return null;
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

    private UUID single(String sql, Object parameter) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getObject(1, UUID.class) : null;
            }
        }
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
