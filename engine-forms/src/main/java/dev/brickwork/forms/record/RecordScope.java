package dev.brickwork.forms.record;

import dev.brickwork.forms.expr.Value;
import dev.brickwork.forms.expr.ValueScope;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** A live view of the values being validated: formulas computed so far are seen by the next. */
record RecordScope(Map<String, Value> values, Map<String, List<ValueScope>> rows, Clock clock, ZoneId zone)
        implements ValueScope {

    @Override
    public Value valueOf(String fieldKey) {
        return values.getOrDefault(fieldKey, Value.NULL);
    }

    @Override
    public List<ValueScope> rowsOf(String subtableKey) {
        return rows.getOrDefault(subtableKey, List.of());
    }
}
