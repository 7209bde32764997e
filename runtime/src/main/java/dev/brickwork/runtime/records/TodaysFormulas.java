package dev.brickwork.runtime.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.brickwork.forms.compile.CompiledForm;
import dev.brickwork.forms.expr.Value;
import dev.brickwork.forms.model.FieldType;
import dev.brickwork.forms.record.RecordValidation;
import dev.brickwork.forms.record.RecordValidator;
import dev.brickwork.runtime.records.sql.SqlValues;

import java.util.List;
import java.util.Set;

/**
 * Formulas that read {@code TODAY()} or {@code NOW()} are stored as of the day they were computed; a read answers
 * today's value instead (decision 0020). The stored column is made true by {@link ClockFormulaSweep} each day, so
 * filters and sorts, which run in SQL, see the value of the last sweep.
 */
final class TodaysFormulas {

    private TodaysFormulas() {
    }

    /**
     * Replaces the clock formulas in the record's fields with their value now. When one of them reads a field hidden
     * from the caller, the record's visible fields cannot compute it: the stored (swept) value stays.
     */
    static ObjectNode apply(RecordContext context, RecordValidator validator, ObjectNode record) {
        CompiledForm form = context.published().form();
        List<String> keys = form.clockFormulas();
        JsonNode fields = record.get("fields");
        if (keys.isEmpty() || !(fields instanceof ObjectNode visible)
                || form.clockFormulaInputs().stream().anyMatch(context.access().hidden()::contains)) {
            return record;
        }
        RecordValidation now = validator.validate(form, visible, Set.of(), visible);
        for (String key : keys) {
            if (visible.has(key)) {
                visible.set(key, SqlValues.json(now.values().getOrDefault(key, Value.NULL), FieldType.FORMULA));
            }
        }
        return record;
    }
}
