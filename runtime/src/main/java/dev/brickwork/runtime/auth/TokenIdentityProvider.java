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

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Turns a bearer token into who it speaks for. A session ({@code bw_…}) is the user it was issued to, if it has not
 * expired and the user is not disabled, with the user's department and role keys; an API token ({@code bwt_…}) is
 * the token itself (see {@link ApiTokenIdentities}). Every failure is the same 401: the caller learns nothing
 * about which check failed.
 *
 * <p>Identity attributes: {@link CurrentUser#USER_ID} (UUID, always), {@link #DEPARTMENT_ID} (UUID, users with a
 * department only), {@link #TOKEN_ID} (UUID, API tokens only). Roles: {@code user} always, the role keys held,
 * and {@code admin} for administrators.
 */
@ApplicationScoped
public class TokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    public static final String ADMIN_ROLE = "admin";
    public static final String USER_ROLE = "user";
    public static final String DEPARTMENT_ID = "brickwork.departmentId";
    public static final String TOKEN_ID = "brickwork.tokenId";

    private static final String SESSION_SQL = "SELECT u.id, u.username, u.is_admin, u.department_id,"
            + " array(SELECT r.role_key FROM brickwork.user_roles r WHERE r.user_id = u.id ORDER BY r.role_key)"
            + " FROM brickwork.sessions s JOIN brickwork.users u ON u.id = s.user_id"
            + " WHERE s.token_hash = ? AND s.expires_at > now() AND NOT u.disabled";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ApiTokenIdentities apiTokens;

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String token = request.getToken().getToken();
        return context.runBlocking(() -> token.startsWith(Tokens.API_TOKEN_PREFIX) ? apiTokens.identify(token) : session(token));
    }

    private SecurityIdentity session(String token) {
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(SESSION_SQL)) {
            query.setString(1, Tokens.hash(token));
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new AuthenticationFailedException("Unknown, expired or revoked token");
                }
                QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(row.getString(2)))
                        .addAttribute(CurrentUser.USER_ID, row.getObject(1, UUID.class))
                        .addRole(USER_ROLE);
                if (row.getBoolean(3)) {
                    identity.addRole(ADMIN_ROLE);
                }
                UUID department = row.getObject(4, UUID.class);
                if (department != null) {
                    identity.addAttribute(DEPARTMENT_ID, department);
                }
                addRoles(identity, row.getArray(5));
                return identity.build();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Token look-up failed (SQLSTATE " + e.getSQLState() + ")", e);
        }
    }

    static void addRoles(QuarkusSecurityIdentity.Builder identity, Array roles) throws SQLException {
        if (roles == null) {
            return;
        }
        for (Object role : (Object[]) roles.getArray()) {
            // "admin" and "user" cannot be defined as roles, so a stored key never grants more than it names
            if (role instanceof String key && !ADMIN_ROLE.equals(key) && !USER_ROLE.equals(key)) {
                identity.addRole(key);
            }
        }
    }
}
