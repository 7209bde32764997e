package dev.brickwork.runtime.auth;

import dev.brickwork.designer.CurrentUser;
import io.agroal.api.AgroalDataSource;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Turns a bearer token into the user it was issued to, if the session has not expired and the user is not
 * disabled. Every failure is the same 401: the caller learns nothing about which check failed.
 */
@ApplicationScoped
public class TokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    public static final String ADMIN_ROLE = "admin";

    @Inject
    AgroalDataSource dataSource;

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String token = request.getToken().getToken();
        return context.runBlocking(() -> lookUp(token));
    }

    private SecurityIdentity lookUp(String token) {
        String sql = "SELECT u.id, u.username, u.is_admin FROM brickwork.sessions s JOIN brickwork.users u ON u.id = s.user_id"
                + " WHERE s.token_hash = ? AND s.expires_at > now() AND NOT u.disabled";
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, Tokens.hash(token));
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new AuthenticationFailedException("Unknown, expired or revoked token");
                }
                QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(row.getString(2)))
                        .addAttribute(CurrentUser.USER_ID, row.getObject(1, UUID.class))
                        .addRole("user");
                if (row.getBoolean(3)) {
                    identity.addRole(ADMIN_ROLE);
                }
                return identity.build();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Token look-up failed (SQLSTATE " + e.getSQLState() + ")", e);
        }
    }
}
