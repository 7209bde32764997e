package dev.brickwork.runtime.auth;

import dev.brickwork.platform.http.ProblemException;
import dev.brickwork.runtime.audit.AuditEntry;
import dev.brickwork.runtime.audit.AuditLog;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Checks passwords and issues expiring sessions; throttles guessing and audits every attempt (failures as tallies).
 * Blocking (bcrypt, JDBC): call from worker threads.
 */
@ApplicationScoped
public class Sessions {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AuditLog audit;

    @Inject
    LoginThrottle throttle;

    @Inject
    FailedLogins failedLogins;

    @ConfigProperty(name = "brickwork.auth.token-ttl")
    Duration tokenTtl;

    private record Candidate(UUID id, String hash, boolean disabled) {
    }

    public AuthResource.LoginResult login(String username, String password, String address) {
        long retryAfter = throttle.retryAfterSeconds(username, address);
        if (retryAfter > 0) {
            // no password check while locked: a correct guess must not be distinguishable from a wrong one
            failedLogins.throttled(username, address);
            throw new LoginThrottledException(retryAfter);
        }
        try (Connection c = dataSource.getConnection()) {
            Candidate user = find(c, username);
            boolean ok = Passwords.matches(password, user == null ? null : user.hash()) && !user.disabled();
            if (!ok) {
                throttle.failed(username, address);
                failedLogins.failed(c, user == null ? null : user.id(), username, address);
                throw new ProblemException(AuthProblem.CREDENTIALS_INVALID, "The username or the password is wrong.");
            }
            throttle.succeeded(username);
            return openSession(c, user.id(), username, address);
        } catch (SQLException e) {
            throw new IllegalStateException("Login failed (SQLSTATE " + e.getSQLState() + ")", e);
        }
    }

    // disabled users are found too, so that their failed attempts are audited against them
    private static Candidate find(Connection c, String username) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(
                "SELECT id, password_hash, disabled FROM brickwork.users WHERE username = ?")) {
            query.setString(1, username);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? new Candidate(row.getObject(1, UUID.class), row.getString(2), row.getBoolean(3)) : null;
            }
        }
    }

    private AuthResource.LoginResult openSession(Connection c, UUID userId, String username, String address) throws SQLException {
        String token = Tokens.newToken();
        Instant expiresAt = Instant.now().plus(tokenTtl);
        c.setAutoCommit(false);
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO brickwork.sessions (token_hash, user_id, expires_at) VALUES (?, ?, ?)")) {
            insert.setString(1, Tokens.hash(token));
            insert.setObject(2, userId);
            insert.setTimestamp(3, Timestamp.from(expiresAt));
            insert.executeUpdate();
            audit.appendBlocking(c, AuditEntry.of("login.succeeded", userId, username).from(address));
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
        return new AuthResource.LoginResult(token, expiresAt);
    }

    /** Ends a session: the row goes, and the logout is audited. */
    public void logout(String token, UUID userId, String username) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM brickwork.sessions WHERE token_hash = ?")) {
                delete.setString(1, Tokens.hash(token));
                delete.executeUpdate();
                audit.appendBlocking(c, AuditEntry.of("logout", userId, username));
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Logout failed (SQLSTATE " + e.getSQLState() + ")", e);
        }
    }
}
