package dev.brickwork.runtime.auth;

import dev.brickwork.designer.CurrentUser;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Array;
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
    /** Reads {@code /q/metrics} and nothing else: for an operator's Prometheus, held by an API token (decision 0017). */
    public static final String METRICS_ROLE = "metrics";
    public static final String DEPARTMENT_ID = "brickwork.departmentId";
    public static final String TOKEN_ID = "brickwork.tokenId";

    private static final String SESSION_SQL = "SELECT u.id, u.username, u.is_admin, u.department_id,"
            + " array(SELECT r.role_key FROM brickwork.user_roles r WHERE r.user_id = u.id ORDER BY r.role_key), s.expires_at"
            + " FROM brickwork.sessions s JOIN brickwork.users u ON u.id = s.user_id"
            + " WHERE s.token_hash = $1 AND s.expires_at > now() AND NOT u.disabled";

    @Inject
    Pool pool;

    /**
     * Sessions recently resolved, by token hash, with their expiry: most requests then need no look-up. Kept
     * briefly and dropped whenever an admin changes users, roles or departments, so a change takes effect at once
     * on this node and within the time-to-live on others.
     */
    private final Cache<String, CachedSession> recent;

    private record CachedSession(SecurityIdentity identity, java.time.Instant expiresAt) {
    }

    @Inject
    public TokenIdentityProvider(@ConfigProperty(name = "brickwork.auth.identity-cache-ttl") java.time.Duration ttl) {
        this.recent = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(10_000).build();
    }

    /** A session that ended (logout): never answered from the cache again. */
    public void forget(String token) {
        recent.invalidate(Tokens.hash(token));
    }

    void onAccessChanged(@jakarta.enterprise.event.Observes AccessChanged change) {
        recent.invalidateAll();
    }

    /** Another node changed users, roles or departments: sessions resolved here may be stale. */
    void onClusterChange(@jakarta.enterprise.event.Observes dev.brickwork.platform.cluster.ClusterChange change) {
        if ("access".equals(change.topic())) {
            recent.invalidateAll();
        }
    }


    @Inject
    ApiTokenIdentities apiTokens;

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String token = request.getToken().getToken();
        if (token.startsWith(Tokens.API_TOKEN_PREFIX)) {
            return context.runBlocking(() -> apiTokens.identify(token));
        }
        String hash = Tokens.hash(token);
        CachedSession cached = recent.getIfPresent(hash);
        if (cached != null && cached.expiresAt().isAfter(java.time.Instant.now())) {
            return Uni.createFrom().item(cached.identity());
        }
        // every request of a session comes through here: one reactive query, no hop to a worker thread
        return pool.preparedQuery(SESSION_SQL).execute(Tuple.of(hash)).map(rows -> {
            if (!rows.iterator().hasNext()) {
                throw new AuthenticationFailedException("Unknown, expired or revoked token");
            }
            Row row = rows.iterator().next();
            SecurityIdentity built = userIdentity(row.getUUID(0), row.getString(1), row.getBoolean(2), row.getUUID(3),
                    row.getArrayOfStrings(4));
            recent.put(hash, new CachedSession(built, row.getOffsetDateTime(5).toInstant()));
            return built;
        });
    }

    /**
     * The identity a session of this user carries: also what an admin's "view as" computes rights from, so the
     * preview and the user's own calls cannot disagree.
     */
    public static SecurityIdentity userIdentity(UUID id, String username, boolean admin, UUID department, String[] roles) {
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(username))
                .addAttribute(CurrentUser.USER_ID, id)
                .addRole(USER_ROLE);
        if (admin) {
            identity.addRole(ADMIN_ROLE);
        }
        if (department != null) {
            identity.addAttribute(DEPARTMENT_ID, department);
        }
        for (String role : roles) {
            // "admin" and "user" cannot be defined as roles, so a stored key never grants more than it names
            if (!ADMIN_ROLE.equals(role) && !USER_ROLE.equals(role)) {
                identity.addRole(role);
            }
        }
        return identity.build();
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
