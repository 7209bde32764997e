package dev.brickwork.runtime.auth;

import io.quarkus.elytron.security.common.BcryptUtil;

/** Password hashing with bcrypt. Slow on purpose: call it on a worker thread, never the event loop. */
public final class Passwords {

    /** Checked against when the user does not exist, so that an unknown name takes as long as a wrong password. */
    private static final String DECOY = BcryptUtil.bcryptHash("decoy-password-never-matches");

    private Passwords() {
    }

    public static String hash(String password) {
        return BcryptUtil.bcryptHash(password);
    }

    public static boolean matches(String password, String hash) {
        return BcryptUtil.matches(password, hash == null ? DECOY : hash) && hash != null;
    }
}
