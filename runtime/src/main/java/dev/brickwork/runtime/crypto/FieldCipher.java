package dev.brickwork.runtime.crypto;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Encrypts sensitive field values with AES-256-GCM and gives them a keyed hash for equality look-ups.
 *
 * <p>A stored value is {@code [1: format][4: key id][12: nonce][ciphertext + 16-byte tag]}; the key id (the first
 * bytes of the key's SHA-256) says which key wrote it, so values written with a previous key stay readable until
 * they are re-encrypted ({@link #isCurrent}). The equality hash is HMAC-SHA256 under a key derived from the current
 * encryption key: equal values have equal hashes, and nothing about the value can be read from it without the key.
 */
public final class FieldCipher {

    private static final byte FORMAT = 1;
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Key current;
    private final List<Key> all = new ArrayList<>();
    private final byte[] hashKey;

    private record Key(byte[] id, SecretKeySpec spec) {
    }

    /**
     * @param key      the 32-byte current key
     * @param previous keys values may still be encrypted with (during a rotation)
     */
    public FieldCipher(byte[] key, List<byte[]> previous) {
        this.current = key(key);
        all.add(current);
        previous.forEach(k -> all.add(key(k)));
        this.hashKey = hmac(key, "brickwork-equality-hash".getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a key as configured: base64 of exactly 32 bytes. */
    public static byte[] decodeKey(String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("An encryption key is base64 of 32 random bytes");
        }
        if (key.length != 32) {
            throw new IllegalArgumentException("An encryption key is base64 of 32 random bytes, not " + key.length);
        }
        return key;
    }

    public byte[] encrypt(String plain) {
        try {
            byte[] nonce = new byte[NONCE];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, current.spec(), new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(1 + 4 + NONCE + sealed.length).put(FORMAT).put(current.id()).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JVM", e);
        }
    }

    public String decrypt(byte[] stored) {
        if (stored.length < 1 + 4 + NONCE + TAG_BITS / 8 || stored[0] != FORMAT) {
            throw new IllegalStateException("A stored sensitive value is not in a format this server writes");
        }
        byte[] id = Arrays.copyOfRange(stored, 1, 5);
        Key key = all.stream().filter(k -> Arrays.equals(k.id(), id)).findFirst()
                .orElseThrow(() -> new IllegalStateException("A sensitive value was written with a key this server does not have"));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.spec(), new GCMParameterSpec(TAG_BITS, stored, 5, NONCE));
            return new String(cipher.doFinal(stored, 5 + NONCE, stored.length - 5 - NONCE), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("A sensitive value failed its integrity check", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JVM", e);
        }
    }

    /** True when the value was written with the current key. */
    public boolean isCurrent(byte[] stored) {
        return stored.length > 5 && Arrays.equals(Arrays.copyOfRange(stored, 1, 5), current.id());
    }

    public byte[] equalityHash(String plain) {
        return hmac(hashKey, plain.getBytes(StandardCharsets.UTF_8));
    }

    private static Key key(byte[] raw) {
        if (raw.length != 32) {
            throw new IllegalArgumentException("AES-256 needs a 32-byte key");
        }
        try {
            byte[] id = Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(raw), 4);
            return new Key(id, new SecretKeySpec(raw, "AES"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JVM", e);
        }
    }
}
