package dev.brickwork.runtime.flows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** Checks, in the engine's transaction, that a task goes to a user who exists and may log in. */
final class ActiveUsers {

    private ActiveUsers() {
    }

    static void require(Connection connection, UUID user) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM brickwork.users WHERE id = ? AND NOT disabled FOR SHARE")) {
            query.setObject(1, user);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    throw ApprovalCommands.invalid("/to", "USER_UNKNOWN", "'to' must be the id of an active user.");
                }
            }
        }
    }
}
