package dev.brickwork.runtime.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Bearer tokens: 256 random bits, shown to the client once and stored only as a SHA-256 hash, so a copy of the
 * database does not let anyone in. Random rather than signed so that a logout, an expiry or a disabled user
 * takes effect at once.
 */
public final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    /** Sessions start with {@code bw_}. */
    public static final String SESSION_PREFIX = "bw_";

    /** API tokens start with {@code bwt_}, so one look at a secret says which table holds it. */
    public static final String API_TOKEN_PREFIX = "bwt_";

    public static String newToken() {
        return SESSION_PREFIX + randomPart();
    }

    public static String newApiSecret() {
        return API_TOKEN_PREFIX + randomPart();
    }

    private static String randomPart() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
