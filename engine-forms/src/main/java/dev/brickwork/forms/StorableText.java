package dev.brickwork.forms;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Text a database can store: no NUL character (PostgreSQL's {@code text} refuses it) and no lone UTF-16 surrogate
 * (UTF-8 has no encoding for one; drivers write {@code ?}).
 */
public final class StorableText {

    private StorableText() {
    }

    /** True when the text holds a NUL or a surrogate that is not half of a pair. */
    public static boolean unstorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return true;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** The pointer (under {@code base}) of the first string or property name that cannot be stored, if any. */
    public static Optional<String> firstUnstorable(JsonNode node, String base) {
        if (node.isTextual()) {
            return unstorable(node.textValue()) ? Optional.of(base) : Optional.empty();
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                if (unstorable(entry.getKey())) {
                    return Optional.of(JsonPointers.append(base, replaced(entry.getKey())));
                }
                String at = JsonPointers.append(base, entry.getKey());
                Optional<String> inside = firstUnstorable(entry.getValue(), at);
                if (inside.isPresent()) {
                    return inside;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<String> inside = firstUnstorable(node.get(i), JsonPointers.append(base, i));
                if (inside.isPresent()) {
                    return inside;
                }
            }
        }
        return Optional.empty();
    }

    /** The text with each NUL and lone surrogate replaced by U+FFFD, so a pointer naming a bad key can be written. */
    public static String replaced(String text) {
        StringBuilder shown = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                shown.append(c).append(text.charAt(++i));
            } else {
                shown.append(c == '\u0000' || Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return shown.toString();
    }

}
