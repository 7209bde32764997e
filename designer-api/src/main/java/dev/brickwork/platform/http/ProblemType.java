package dev.brickwork.platform.http;

import java.util.Locale;

/** A kind of error answered as RFC 9457 problem details. Each module lists its own kinds in an enum. */
public interface ProblemType {

    /** The stable machine code, e.g. {@code DEFINITION_INVALID}. */
    String name();

    int status();

    String title();

    default String typeUri() {
        return "https://brickwork.dev/problems/" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
