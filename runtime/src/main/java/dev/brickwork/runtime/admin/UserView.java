package dev.brickwork.runtime.admin;

import dev.brickwork.runtime.auth.TokenIdentityProvider;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A user as the API shows it: never the password or its hash. {@code roles} are the role keys held, with
 * {@code admin} first for administrators (the is_admin flag, not a stored role).
 */
public record UserView(UUID id, String username, String displayName, UUID department, List<String> roles,
                       boolean disabled, int version, Instant createdAt) {

    private static final String SELECT = "SELECT u.id, u.username, u.display_name, u.department_id, u.is_admin,"
            + " array(SELECT r.role_key FROM brickwork.user_roles r WHERE r.user_id = u.id ORDER BY r.role_key),"
            + " u.disabled, u.version, u.created_at FROM brickwork.users u";

    boolean admin() {
        return roles.contains(TokenIdentityProvider.ADMIN_ROLE);
    }

    /** The role keys stored in user_roles, i.e. without {@code admin}. */
    List<String> storedRoles() {
        return roles.stream().filter(r -> !TokenIdentityProvider.ADMIN_ROLE.equals(r)).toList();
    }

    static UserView find(Connection c, UUID id, boolean forUpdate) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(SELECT + " WHERE u.id = ?" + (forUpdate ? " FOR UPDATE OF u" : ""))) {
            query.setObject(1, id);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? of(row) : null;
            }
        }
    }

    /** A page in username order, starting after {@code after} (exclusive; null for the first page). */
    static List<UserView> page(Connection c, String after, int limit) throws SQLException {
        List<UserView> page = new ArrayList<>();
        try (PreparedStatement query = c.prepareStatement(SELECT + " WHERE u.username > ? ORDER BY u.username LIMIT ?")) {
            query.setString(1, after == null ? "" : after);
            query.setInt(2, limit);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    page.add(of(rows));
                }
            }
        }
        return page;
    }

    private static UserView of(ResultSet row) throws SQLException {
        List<String> roles = new ArrayList<>();
        if (row.getBoolean(5)) {
            roles.add(TokenIdentityProvider.ADMIN_ROLE);
        }
        for (Object key : (Object[]) row.getArray(6).getArray()) {
            roles.add((String) key);
        }
        return new UserView(row.getObject(1, UUID.class), row.getString(2), row.getString(3), row.getObject(4, UUID.class),
                List.copyOf(roles), row.getBoolean(7), row.getInt(8), row.getTimestamp(9).toInstant());
    }
}
