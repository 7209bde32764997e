package dev.brickwork.runtime.auth;

import dev.brickwork.designer.CurrentUser;
import io.agroal.api.AgroalDataSource;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * An integration's API token as an identity: the token is the actor (its id is the user id records are written
 * by), it holds the token's roles plus {@code user}, and belongs to no department. Expired and revoked tokens fail.
 */
@ApplicationScoped
public class ApiTokenIdentities {

    /** {@code last_used_at} is coarse on purpose: one write per token per minute, not one per request. */
    static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private static final String LOOK_UP = "SELECT id, name, roles, last_used_at FROM brickwork.api_tokens"
            + " WHERE secret_hash = ? AND revoked_at IS NULL AND expires_at > now()";

    @Inject
    AgroalDataSource dataSource;

    SecurityIdentity identify(String secret) {
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(LOOK_UP)) {
            query.setString(1, Tokens.hash(secret));
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new AuthenticationFailedException("Unknown, expired or revoked API token");
                }
                UUID id = row.getObject(1, UUID.class);
                QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(row.getString(2)))
                        .addAttribute(CurrentUser.USER_ID, id)
                        .addAttribute(TokenIdentityProvider.TOKEN_ID, id)
                        .addRole(TokenIdentityProvider.USER_ROLE);
                TokenIdentityProvider.addRoles(identity, row.getArray(3));
                Timestamp lastUsed = row.getTimestamp(4);
                if (lastUsed == null || lastUsed.toInstant().isBefore(Instant.now().minus(LAST_USED_RESOLUTION))) {
                    touch(c, id);
                }
                return identity.build();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("API token look-up failed (SQLSTATE " + e.getSQLState() + ")", e);
        }
    }

    private static void touch(Connection c, UUID id) throws SQLException {
        // the condition repeats the check so that concurrent first uses write once between them
        try (PreparedStatement update = c.prepareStatement("UPDATE brickwork.api_tokens SET last_used_at = now()"
                + " WHERE id = ? AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')")) {
            update.setObject(1, id);
            update.executeUpdate();
        }
    }
}
