package dev.brickwork.runtime.access;

import java.util.Locale;
import java.util.Optional;

/** How many records an action reaches, narrowest first: a union of roles takes the widest. */
public enum Scope {
    NONE, OWN, DEPARTMENT, SUBTREE, ALL;

    public static Optional<Scope> fromJson(String name) {
        for (Scope scope : values()) {
            if (scope.name().toLowerCase(Locale.ROOT).equals(name)) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }

    public Scope widest(Scope other) {
        return ordinal() >= other.ordinal() ? this : other;
    }
}
