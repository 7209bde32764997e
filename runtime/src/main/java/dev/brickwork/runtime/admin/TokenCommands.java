package dev.brickwork.runtime.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.platform.Ids;
import dev.brickwork.platform.http.JsonBodies;
import dev.brickwork.platform.http.ProblemException;
import dev.brickwork.runtime.audit.AuditLog;
import dev.brickwork.runtime.auth.TokenIdentityProvider;
import dev.brickwork.runtime.auth.Tokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * API tokens for integrations: the secret exists only in the creation response; the database keeps its SHA-256.
 * A token holds defined roles, or the built-in {@code metrics} (never admin: administration is for people).
 */
@ApplicationScoped
public class TokenCommands {

    /** The creation answer: the only time the secret is shown. */
    public record CreatedToken(UUID id, String name, List<String> roles, Instant expiresAt, String secret) {
    }

    /** A token as listed: no secret, no hash. */
    public record TokenView(UUID id, String name, List<String> roles, Instant expiresAt, Instant createdAt, UUID createdBy,
                            Instant lastUsedAt, Instant revokedAt) {
    }

    @Inject
    Jdbc jdbc;

    @Inject
    AuditLog audit;

    public CreatedToken create(byte[] json, Actor actor) {
        Body body = Body.parse(json, Set.of("name", "roles", "expiresAt"));
        String name = body.text("name", 200);
        List<String> roles = body.keys("roles");
        Instant expiresAt = body.instant("expiresAt");
        Instant now = Instant.now();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            body.error("/expiresAt", "EXPIRES_IN_PAST", "The expiry must lie in the future.");
        } else if (expiresAt != null && expiresAt.isAfter(now.atOffset(ZoneOffset.UTC).plusYears(2).toInstant())) {
            body.error("/expiresAt", "EXPIRES_TOO_LATE", "A token lives at most two years; issue a new one then.");
        }
        body.throwIfInvalid(AdminProblem.TOKEN_INVALID, "The token request has problems; see errors.");
        String secret = Tokens.newApiSecret();
        CreatedToken created = jdbc.transaction(c -> {
            Lookups.checkRoles(c, roles, Set.of(TokenIdentityProvider.METRICS_ROLE), body);
            body.throwIfInvalid(AdminProblem.TOKEN_INVALID, "The token request has problems; see errors.");
            UUID id = Ids.newId();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO brickwork.api_tokens"
                    + " (id, name, secret_hash, roles, expires_at, created_by) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setObject(1, id);
                insert.setString(2, name);
                insert.setString(3, Tokens.hash(secret));
                insert.setArray(4, c.createArrayOf("text", roles.toArray()));
                insert.setTimestamp(5, Timestamp.from(expiresAt));
                insert.setObject(6, actor.id());
                insert.executeUpdate();
            }
            ObjectNode detail = JsonBodies.mapper().createObjectNode();
            detail.put("name", name).put("expiresAt", expiresAt.toString());
            detail.set("roles", JsonBodies.mapper().valueToTree(roles));
            audit.appendBlocking(c, actor.entry("token.created", id).with(detail));
            return new CreatedToken(id, name, roles, expiresAt, secret);
        });
        return created;
    }

    public List<TokenView> all() {
        return jdbc.read(c -> {
            List<TokenView> all = new ArrayList<>();
            try (PreparedStatement query = c.prepareStatement("SELECT id, name, roles, expires_at, created_at, created_by,"
                    + " last_used_at, revoked_at FROM brickwork.api_tokens ORDER BY created_at DESC, id DESC");
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    all.add(new TokenView(rows.getObject(1, UUID.class), rows.getString(2),
                            List.of((String[]) rows.getArray(3).getArray()), instant(rows, 4), instant(rows, 5),
                            rows.getObject(6, UUID.class), instant(rows, 7), instant(rows, 8)));
                }
            }
            return all;
        });
    }

    /** Revokes once; revoking a revoked token again changes nothing and is not an error. */
    public void revoke(UUID id, Actor actor) {
        jdbc.transaction(c -> {
            if (!exists(c, id)) {
                throw new ProblemException(AdminProblem.TOKEN_NOT_FOUND, "There is no API token with this id.");
            }
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE brickwork.api_tokens SET revoked_at = now() WHERE id = ? AND revoked_at IS NULL")) {
                update.setObject(1, id);
                if (update.executeUpdate() == 1) {
                    audit.appendBlocking(c, actor.entry("token.revoked", id));
                }
            }
            return null;
        });
    }

    private static boolean exists(Connection c, UUID id) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT 1 FROM brickwork.api_tokens WHERE id = ? FOR UPDATE")) {
            query.setObject(1, id);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        Timestamp at = row.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
