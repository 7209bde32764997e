package dev.brickwork.designer.migration;

import java.util.List;

/**
 * How a column's stored values become the new type.
 *
 * @param using     the expression for {@code ALTER COLUMN ... TYPE ... USING}, with {@code %1$s} for the column
 * @param blocks    a predicate true for a non-null value that cannot convert (or fails the new type's checks),
 *                  with {@code %1$s} for the column; null when every value converts
 * @param params    bind values the predicate uses, in order
 */
record Conversion(String using, String blocks, List<Object> params) {

    Conversion {
        params = List.copyOf(params);
    }

    static Conversion always(String using) {
        return new Conversion(using, null, List.of());
    }

    Conversion also(Conversion.Check check) {
        if (check == null) {
            return this;
        }
        String converted = using.formatted("%1$s");
        String predicate = check.predicate().formatted("(" + converted + ")");
        String combined = blocks == null ? predicate : "(" + blocks + ") OR " + predicate;
        List<Object> all = new java.util.ArrayList<>(params);
        all.addAll(check.params());
        return new Conversion(using, combined, all);
    }

    /** A predicate on the converted value, true when it breaks the new field's rules. */
    record Check(String predicate, List<Object> params) {
    }
}
