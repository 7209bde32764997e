package dev.brickwork.forms.expr;

import java.util.Optional;

/** What the type checker may know about the names an expression uses. */
public interface TypeScope {

    /** The type of a scalar field, or empty when no such field is usable in expressions. */
    Optional<ValueType> typeOf(String fieldKey);

    /** The row scope of a subtable field (for {@code lines.qty} inside aggregates), or empty. */
    Optional<TypeScope> subtable(String subtableKey);
}
