package dev.brickwork.runtime.access;

import java.util.Locale;

/** What a role grants per form (docs/spec.md §8). */
public enum Action {
    CREATE, READ, UPDATE, DELETE, IMPORT, EXPORT;

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
