package dev.brickwork.runtime.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.platform.http.JsonBodies;

import java.util.Base64;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A sensitive value kept inside stored JSON (a timeline diff): {@code {"$sealed": "<base64>"}}, the value's JSON text
 * sealed by {@link FieldCipher} (so its key id travels with it and a rotation can find it). No field value has this
 * shape: field keys never start with {@code $}, and sensitive fields hold scalars.
 */
public final class SealedJson {

    static final String MARK = "$sealed";

    /** What a reader sees of a value sealed with a key this server no longer has. */
    public static final String UNREADABLE = "***";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private SealedJson() {
    }

    /** The value sealed; null and JSON null stay as they are (they say nothing). */
    public static JsonNode seal(FieldCipher cipher, JsonNode value) {
        if (value == null || value.isNull() || isSealed(value)) {
            return value;
        }
        return JSON.objectNode().put(MARK, Base64.getEncoder().encodeToString(cipher.encrypt(value.toString())));
    }

    public static boolean isSealed(JsonNode value) {
        return value != null && value.isObject() && value.size() == 1 && value.path(MARK).isTextual();
    }

    /** The value a sealed node holds; {@link #UNREADABLE} when no configured key opens it. */
    public static JsonNode open(FieldCipher cipher, JsonNode sealed) {
        if (cipher == null) {
            return JSON.textNode(UNREADABLE);
        }
        try {
            return JsonBodies.parse(cipher.decrypt(Base64.getDecoder().decode(sealed.get(MARK).asText())));
        } catch (RuntimeException unreadable) {
            return JSON.textNode(UNREADABLE);
        }
    }

    /** The node sealed again under the current key, or itself when it already is (or no key opens it). */
    static JsonNode reseal(FieldCipher cipher, JsonNode sealed) {
        byte[] stored = Base64.getDecoder().decode(sealed.get(MARK).asText());
        if (cipher.isCurrent(stored)) {
            return sealed;
        }
        return JSON.objectNode().put(MARK, Base64.getEncoder().encodeToString(cipher.encrypt(cipher.decrypt(stored))));
    }

    /** A copy of {@code tree} with every sealed node, at any depth, replaced by {@code change}. */
    public static JsonNode replaceSealed(JsonNode tree, UnaryOperator<JsonNode> change) {
        if (isSealed(tree)) {
            return change.apply(tree);
        }
        if (tree.isObject()) {
            ObjectNode copy = JSON.objectNode();
            for (Map.Entry<String, JsonNode> entry : tree.properties()) {
                copy.set(entry.getKey(), replaceSealed(entry.getValue(), change));
            }
            return copy;
        }
        if (tree.isArray()) {
            var copy = JSON.arrayNode();
            tree.forEach(item -> copy.add(replaceSealed(item, change)));
            return copy;
        }
        return tree;
    }
}
