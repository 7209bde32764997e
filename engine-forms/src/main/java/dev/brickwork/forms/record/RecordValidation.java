package dev.brickwork.forms.record;

import dev.brickwork.forms.Problem;
import dev.brickwork.forms.expr.Value;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The outcome of validating a record.
 *
 * @param values   the typed value of every visible field that was valid, in definition order: {@link Value#NULL} for
 *                 a blank one, and the computed value of each formula. Hidden fields, subtables, roll-ups and
 *                 autonumbers (the platform keeps those) are absent.
 * @param rows     per visible subtable, its rows in order
 * @param hidden   the keys of the top-level fields hidden by {@code visibleWhen}; their values were dropped
 * @param problems every problem, located by pointer into the record's {@code fields} object as sent
 */
public record RecordValidation(Map<String, Value> values, Map<String, List<RowValues>> rows, Set<String> hidden,
                               List<Problem> problems) {

    public RecordValidation {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        rows = Collections.unmodifiableMap(new LinkedHashMap<>(rows));
        hidden = Set.copyOf(hidden);
        problems = List.copyOf(problems);
    }

    /** True when there is no error: the record may be stored. */
    public boolean valid() {
        return problems.stream().noneMatch(Problem::isError);
    }
}
