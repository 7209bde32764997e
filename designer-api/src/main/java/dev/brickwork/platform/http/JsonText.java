package dev.brickwork.platform.http;

/**
 * Text PostgreSQL can store ({@link dev.brickwork.forms.StorableText}): checked where JSON bodies, filters and query
 * parameters are read, so no other path needs to.
 */
public final class JsonText {

    /** The error code of a string, property name or parameter holding a NUL or a lone surrogate. */
    public static final String TEXT_INVALID = "TEXT_INVALID";

    private JsonText() {
    }

    /** The located error for such text; the message names the kind of character, never the text. */
    public static ProblemError error(String pointer) {
        return ProblemError.of(pointer, TEXT_INVALID, "Text may not hold a NUL character or a lone UTF-16 surrogate.");
    }
}
