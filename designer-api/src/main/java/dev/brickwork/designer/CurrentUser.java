package dev.brickwork.designer;

import io.quarkus.security.identity.SecurityIdentity;

import java.util.UUID;

/** The id of the signed-in user, as the runtime's authentication puts it on the identity. */
public final class CurrentUser {

    public static final String USER_ID = "brickwork.userId";

    private CurrentUser() {
    }

    /** The user's id, or null for an identity without one (tests that fake an identity). */
    public static UUID id(SecurityIdentity identity) {
        Object id = identity == null ? null : identity.getAttribute(USER_ID);
        return id instanceof UUID uuid ? uuid : null;
    }
}
