package dev.brickwork.forms.expr;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

/** The values an expression is evaluated against: one record, or one subtable row with its record. */
public interface ValueScope {

    /** The value of a field; {@link Value#NULL} when blank. */
    Value valueOf(String fieldKey);

    /** The rows of a subtable field, each a scope of its own. */
    List<ValueScope> rowsOf(String subtableKey);

    /** For {@code TODAY()} and {@code NOW()}. */
    Clock clock();

    /** The zone {@code TODAY()} is taken in. */
    ZoneId zone();
}
