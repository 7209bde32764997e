package dev.brickwork.runtime.access;

import java.util.Locale;

/**
 * What a role grants per form (docs/spec.md §8). {@code SHARE} is about the form's saved views, not its records: any
 * scope but {@code none} lets the role publish views shared with everyone who reads the form.
 */
public enum Action {
    CREATE, READ, UPDATE, DELETE, IMPORT, EXPORT, SHARE;

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
