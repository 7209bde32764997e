package dev.brickwork.runtime.auth;

import dev.brickwork.platform.http.ProblemException;
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

/** Checks passwords and issues expiring sessions. Blocking (bcrypt, JDBC): call from worker threads. */
@ApplicationScoped
public class Sessions {

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "brickwork.auth.token-ttl")
    Duration tokenTtl;

    public AuthResource.LoginResult login(String username, String password) {
        try (Connection c = dataSource.getConnection()) {
            UUID userId = null;
            String hash = null;
            try (PreparedStatement query = c.prepareStatement(
                    "SELECT id, password_hash FROM brickwork.users WHERE username = ? AND NOT disabled")) {
                query.setString(1, username);
                try (ResultSet row = query.executeQuery()) {
                    if (row.next()) {
                        userId = row.getObject(1, UUID.class);
                        hash = row.getString(2);
                    }
                }
            }
            if (!Passwords.matches(password, hash)) {
                throw new ProblemException(AuthProblem.CREDENTIALS_INVALID, "The username or the password is wrong.");
            }
            String token = Tokens.newToken();
            Instant expiresAt = Instant.now().plus(tokenTtl);
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO brickwork.sessions (token_hash, user_id, expires_at) VALUES (?, ?, ?)")) {
                insert.setString(1, Tokens.hash(token));
                insert.setObject(2, userId);
                insert.setTimestamp(3, Timestamp.from(expiresAt));
                insert.executeUpdate();
            }
            return new AuthResource.LoginResult(token, expiresAt);
        } catch (SQLException e) {
            throw new IllegalStateException("Login failed (SQLSTATE " + e.getSQLState() + ")", e);
        }
    }
}
