package dev.brickwork.forms.record;

import dev.brickwork.forms.expr.Value;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One subtable row of a validated record.
 *
 * @param id     the row's id as sent, empty for a new row
 * @param values as {@link RecordValidation#values()}, for the row's fields
 * @param hidden the row's fields hidden by their {@code visibleWhen}
 */
public record RowValues(Optional<String> id, Map<String, Value> values, Set<String> hidden) {

    public RowValues {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        hidden = Set.copyOf(hidden);
    }
}
