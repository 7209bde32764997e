package dev.brickwork.runtime.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.platform.Ids;
import dev.brickwork.platform.http.JsonBodies;
import dev.brickwork.platform.http.ProblemException;
import dev.brickwork.runtime.audit.AuditLog;
import dev.brickwork.runtime.auth.AccessChanged;
import dev.brickwork.runtime.auth.Passwords;
import dev.brickwork.runtime.auth.TokenIdentityProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Creating and changing users. Passwords are hashed before the transaction opens (bcrypt is slow) and never
 * appear in a response or the audit log; disabling a user or resetting a password ends their sessions.
 */
@ApplicationScoped
public class UserCommands {

    private static final Pattern USERNAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$");
    private static final int MIN_PASSWORD = 8;
    private static final int MAX_PASSWORD_BYTES = 72; // bcrypt ignores what follows: refuse rather than truncate
    private static final int MAX_NAME = 200;
    private static final Set<String> ADMIN = Set.of(TokenIdentityProvider.ADMIN_ROLE);

    @Inject
    Jdbc jdbc;

    @Inject
    AuditLog audit;

    @Inject
    UserChanges changes;

    @Inject
    Event<AccessChanged> accessChanged;

    public UserView create(byte[] json, Actor actor) {
        Body body = Body.parse(json, Set.of("username", "password", "displayName", "department", "roles"));
        String username = username(body);
        String password = password(body);
        String displayName = body.text("displayName", MAX_NAME);
        UUID department = body.idOrNull("department");
        List<String> roles = body.keys("roles");
        body.throwIfInvalid(AdminProblem.USER_INVALID, "The user has problems; see errors.");
        String hash = Passwords.hash(password);
        UserView created = jdbc.transaction(c -> {
            checkReferences(c, body, department, roles);
            UUID id = Ids.newId();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO brickwork.users"
                    + " (id, username, password_hash, display_name, department_id, is_admin) VALUES (?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (username) DO NOTHING")) {
                insert.setObject(1, id);
                insert.setString(2, username);
                insert.setString(3, hash);
                insert.setString(4, displayName);
                insert.setObject(5, department);
                insert.setBoolean(6, roles.contains(TokenIdentityProvider.ADMIN_ROLE));
                if (insert.executeUpdate() == 0) {
                    throw new ProblemException(AdminProblem.USERNAME_TAKEN, "Another user has this username.");
                }
            }
            writeRoles(c, id, roles);
            UserView user = UserView.find(c, id, false);
            ObjectNode detail = JsonBodies.mapper().createObjectNode();
            detail.put("username", user.username()).put("displayName", user.displayName());
            detail.put("department", department == null ? null : department.toString());
            detail.set("roles", JsonBodies.mapper().valueToTree(user.roles()));
            audit.appendBlocking(c, actor.entry("user.created", id).with(detail));
            return user;
        });
        accessChanged.fire(new AccessChanged(AccessChanged.ROLES));
        return created;
    }

    public UserView change(UUID id, byte[] json, Integer ifMatch, Actor actor) {
        Body body = Body.parse(json, Set.of("displayName", "department", "roles", "disabled", "password"));
        UserChanges.Request request = new UserChanges.Request(
                body.has("displayName") ? body.text("displayName", MAX_NAME) : null,
                body.has("department"), body.idOrNull("department"),
                body.has("roles") ? body.keys("roles") : null,
                body.has("disabled") ? body.bool("disabled") : null,
                body.has("password") ? password(body) : null);
        body.throwIfInvalid(AdminProblem.USER_INVALID, "The change has problems; see errors.");
        String hash = request.password() == null ? null : Passwords.hash(request.password());
        UserChanges.Outcome outcome = jdbc.transaction(c -> {
            if (request.roles() != null || request.disabled() != null) {
                // every change that can take admin away queues here, so two admins cannot demote each other at once
                c.createStatement().execute("SELECT pg_advisory_xact_lock(hashtext('brickwork.last-admin'))");
            }
            UserView before = UserView.find(c, id, true);
            if (before == null) {
                throw new ProblemException(AdminProblem.USER_NOT_FOUND, "There is no user with this id.");
            }
            Params.requireVersion(ifMatch, before.version());
            checkReferences(c, body, request.departmentGiven() ? request.department() : null,
                    request.roles() == null ? List.of() : request.roles());
            return changes.apply(c, before, request, hash, actor);
        });
        if (outcome.changed().contains("roles") || outcome.changed().contains("disabled")
                || outcome.changed().contains("password")) {
            // also drops the sessions resolved recently: a disabled user or a reset password ends them at once
            accessChanged.fire(new AccessChanged(AccessChanged.ROLES));
        }
        if (outcome.changed().contains("department")) {
            accessChanged.fire(new AccessChanged(AccessChanged.DEPARTMENTS));
        }
        return outcome.user();
    }

    static void writeRoles(Connection c, UUID user, List<String> roles) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM brickwork.user_roles WHERE user_id = ?")) {
            delete.setObject(1, user);
            delete.executeUpdate();
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO brickwork.user_roles (user_id, role_key) VALUES (?, ?)")) {
            for (String role : new HashSet<>(roles)) {
                if (!ADMIN.contains(role)) {
                    insert.setObject(1, user);
                    insert.setString(2, role);
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    private static void checkReferences(Connection c, Body body, UUID department, List<String> roles) throws SQLException {
        if (department != null && !Lookups.departmentExists(c, department)) {
            body.error("/department", "DEPARTMENT_UNKNOWN", "No department has this id.");
        }
        Lookups.checkRoles(c, roles, ADMIN, body);
        body.throwIfInvalid(AdminProblem.USER_INVALID, "The user has problems; see errors.");
    }

    private static String username(Body body) {
        String username = body.text("username", 100);
        if (username != null && !USERNAME.matcher(username).matches()) {
            body.error("/username", "USERNAME_FORMAT", "Letters, digits and . _ @ - only, starting with a letter or digit.");
            return null;
        }
        return username;
    }

    private static String password(Body body) {
        String password = body.rawText("password");
        if (password == null) {
            body.error("/password", "PROPERTY_REQUIRED", "A password is required.");
        } else if (password.codePointCount(0, password.length()) < MIN_PASSWORD) {
            body.error("/password", "PASSWORD_TOO_SHORT", "A password needs at least " + MIN_PASSWORD + " characters.");
        } else if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            body.error("/password", "PASSWORD_TOO_LONG", "A password may have at most " + MAX_PASSWORD_BYTES + " bytes (UTF-8).");
        } else {
            return password;
        }
        return null;
    }
}
