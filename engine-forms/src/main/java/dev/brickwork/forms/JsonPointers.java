package dev.brickwork.forms;

/** Builds RFC 6901 pointers, escaping {@code ~} and {@code /} in tokens. */
public final class JsonPointers {

    private JsonPointers() {
    }

    public static String append(String base, String token) {
        return base + "/" + token.replace("~", "~0").replace("/", "~1");
    }

    public static String append(String base, int index) {
        return base + "/" + index;
    }
}
