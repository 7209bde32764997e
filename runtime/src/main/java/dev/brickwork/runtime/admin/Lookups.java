package dev.brickwork.runtime.admin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Existence checks the admin commands share, run inside the command's transaction. */
final class Lookups {

    private Lookups() {
    }

    static boolean userExists(Connection c, UUID id) throws SQLException {
        return exists(c, "SELECT 1 FROM brickwork.users WHERE id = ?", id);
    }

    static boolean departmentExists(Connection c, UUID id) throws SQLException {
        return exists(c, "SELECT 1 FROM brickwork.departments WHERE id = ?", id);
    }

    /** The keys of {@code keys} that name no defined role. */
    static Set<String> definedRoles(Connection c, List<String> keys) throws SQLException {
        Set<String> defined = new HashSet<>();
        if (keys.isEmpty()) {
            return defined;
        }
        try (PreparedStatement query = c.prepareStatement("SELECT role_key FROM brickwork.roles WHERE role_key = ANY (?)")) {
            query.setArray(1, c.createArrayOf("text", keys.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    defined.add(rows.getString(1));
                }
            }
        }
        return defined;
    }

    /** Adds ROLE_UNKNOWN at {@code /roles/i} for each key that is not a defined role (and not an allowed extra). */
    static void checkRoles(Connection c, List<String> keys, Set<String> allowedExtras, Body body) throws SQLException {
        Set<String> defined = definedRoles(c, keys);
        for (int i = 0; i < keys.size(); i++) {
            if (!defined.contains(keys.get(i)) && !allowedExtras.contains(keys.get(i))) {
                body.error("/roles/" + i, "ROLE_UNKNOWN", "No role has this key.");
            }
        }
    }

    private static boolean exists(Connection c, String sql, UUID id) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(sql)) {
            query.setObject(1, id);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }
}
