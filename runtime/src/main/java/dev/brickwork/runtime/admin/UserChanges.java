package dev.brickwork.runtime.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.platform.http.JsonBodies;
import dev.brickwork.platform.http.ProblemException;
import dev.brickwork.runtime.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Applies a validated PATCH to a locked user row: the last-admin rule, the update, ended sessions, the audit entry. */
@ApplicationScoped
class UserChanges {

    /** What a PATCH asks for; null means "leave as it is" (department: see {@code departmentGiven}). */
    record Request(String displayName, boolean departmentGiven, UUID department, List<String> roles, Boolean disabled,
                   String password) {
    }

    record Outcome(UserView user, List<String> changed) {
    }

    @Inject
    AuditLog audit;

    Outcome apply(Connection c, UserView before, Request request, String passwordHash, Actor actor) throws SQLException {
        List<String> roles = request.roles() == null ? before.roles() : request.roles();
        UserView after = new UserView(before.id(), before.username(),
                request.displayName() == null ? before.displayName() : request.displayName(),
                request.departmentGiven() ? request.department() : before.department(), roles,
                request.disabled() == null ? before.disabled() : request.disabled(), before.version() + 1, before.createdAt());
        List<String> changed = changed(before, after, passwordHash != null);
        if (changed.isEmpty()) {
            return new Outcome(before, changed);
        }
        boolean losesAdmin = before.admin() && !before.disabled() && (!after.admin() || after.disabled());
        if (losesAdmin && otherEnabledAdmins(c, before.id()) == 0) {
            throw new ProblemException(AdminProblem.LAST_ADMIN,
                    "This is the last enabled administrator: make another one first.");
        }
        try (PreparedStatement update = c.prepareStatement("UPDATE brickwork.users SET display_name = ?, department_id = ?,"
                + " is_admin = ?, disabled = ?, password_hash = coalesce(?, password_hash), version = ? WHERE id = ?")) {
            update.setString(1, after.displayName());
            update.setObject(2, after.department());
            update.setBoolean(3, after.admin());
            update.setBoolean(4, after.disabled());
            update.setString(5, passwordHash);
            update.setInt(6, after.version());
            update.setObject(7, after.id());
            update.executeUpdate();
        }
        if (changed.contains("roles")) {
            UserCommands.writeRoles(c, after.id(), roles);
        }
        if (passwordHash != null || (after.disabled() && !before.disabled())) {
            endSessions(c, after.id());
        }
        audit.appendBlocking(c, actor.entry("user.changed", after.id()).with(detail(after, changed)));
        return new Outcome(UserView.find(c, after.id(), false), changed);
    }

    private static List<String> changed(UserView before, UserView after, boolean password) {
        List<String> changed = new ArrayList<>();
        if (!before.displayName().equals(after.displayName())) {
            changed.add("displayName");
        }
        if (!Objects.equals(before.department(), after.department())) {
            changed.add("department");
        }
        if (!new HashSet<>(before.roles()).equals(new HashSet<>(after.roles()))) {
            changed.add("roles");
        }
        if (before.disabled() != after.disabled()) {
            changed.add("disabled");
        }
        if (password) {
            changed.add("password");
        }
        return changed;
    }

    /** Which properties changed and, except for the password, what they are now. */
    private static ObjectNode detail(UserView after, List<String> changed) {
        ObjectNode detail = JsonBodies.mapper().createObjectNode();
        detail.put("username", after.username());
        detail.set("changed", JsonBodies.mapper().valueToTree(changed));
        ObjectNode to = detail.putObject("to");
        for (String property : changed) {
            switch (property) {
                case "displayName" -> to.put(property, after.displayName());
                case "department" -> to.put(property, after.department() == null ? null : after.department().toString());
                case "roles" -> to.set(property, JsonBodies.mapper().valueToTree(after.roles()));
                case "disabled" -> to.put(property, after.disabled());
                default -> {
                    // the password: that it changed is recorded above, its value never
                }
            }
        }
        return detail;
    }

    private static int otherEnabledAdmins(Connection c, UUID except) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(
                "SELECT count(*) FROM brickwork.users WHERE is_admin AND NOT disabled AND id <> ?")) {
            query.setObject(1, except);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private static void endSessions(Connection c, UUID user) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM brickwork.sessions WHERE user_id = ?")) {
            delete.setObject(1, user);
            delete.executeUpdate();
        }
    }
}
