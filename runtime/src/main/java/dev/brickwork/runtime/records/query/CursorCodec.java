package dev.brickwork.runtime.records.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.platform.http.JsonBodies;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Makes cursors opaque to clients and impossible to forge: {@code base64url(JSON payload) "." base64url(HMAC-SHA256)}.
 * A cursor is only accepted back with the key that signed it; anything else (edited, truncated, signed with
 * another key) decodes to nothing. The payload is signed, not encrypted: it holds only values of a row the
 * client was shown.
 */
public final class CursorCodec {

    static final int MAX_LENGTH = 16 * 1024;
    private static final String ALGORITHM = "HmacSHA256";
    private static final Set<String> PROPERTIES = Set.of("f", "h", "v", "id");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    /** @param key the secret, at least 32 bytes; the same on every node that serves the list API */
    public CursorCodec(byte[] key) {
        if (key == null || key.length < 32) {
            throw new IllegalArgumentException("A cursor key has at least 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    String encode(Cursor cursor) {
        ObjectNode json = JsonBodies.mapper().createObjectNode();
        json.put("f", cursor.form());
        json.put("h", cursor.query());
        ArrayNode values = json.putArray("v");
        cursor.values().forEach(values::add);
        json.put("id", cursor.id());
        String payload = ENCODER.encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
        return payload + "." + ENCODER.encodeToString(sign(payload));
    }

    /** The cursor, or empty when it was not made by this codec's key or does not have a cursor's shape. */
    Optional<Cursor> decode(String token) {
        if (token == null || token.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        String payload = token.substring(0, dot);
        try {
            byte[] signature = DECODER.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, sign(payload))) {
                return Optional.empty();
            }
            return read(JsonBodies.mapper().readTree(DECODER.decode(payload)));
        } catch (IllegalArgumentException | java.io.IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Cursor> read(JsonNode json) {
        if (json == null || !json.isObject() || json.size() != PROPERTIES.size()
                || !json.path("f").isTextual() || !json.path("h").isTextual() || !json.path("id").isTextual()
                || !json.path("v").isArray()) {
            return Optional.empty();
        }
        List<String> values = new ArrayList<>();
        for (JsonNode value : json.get("v")) {
            if (!value.isTextual() && !value.isNull()) {
                return Optional.empty();
            }
            values.add(value.isNull() ? null : value.textValue());
        }
        return Optional.of(new Cursor(json.get("f").textValue(), json.get("h").textValue(), values, json.get("id").textValue()));
    }

    private byte[] sign(String payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
        }
    }
}
