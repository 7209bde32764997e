package dev.brickwork.forms.normalize;

import dev.brickwork.forms.model.RuleDefinition.NormalizeMode;

/** The normalisers of duplicate rules. Mirrored by SQL functions in the system schema; both must agree. */
public final class Normalizers {

    private Normalizers() {
    }

    /** The normalised text, or null when the input is null or normalises to nothing (blank never matches). */
    public static String apply(NormalizeMode mode, String raw) {
        throw new UnsupportedOperationException("implemented by the normaliser work");
    }
}
