package dev.brickwork.workflow.run;

import dev.brickwork.forms.compile.CompiledForm;
import dev.brickwork.forms.expr.Compilation;
import dev.brickwork.forms.expr.Evaluation;
import dev.brickwork.forms.expr.Expressions;
import dev.brickwork.forms.expr.Value;
import dev.brickwork.forms.expr.ValueScope;
import dev.brickwork.forms.expr.ValueType;
import dev.brickwork.forms.record.RowValues;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a flow's conditions (a trigger's {@code when}, a branch's {@code when}) over a record's values with
 * engine-forms' evaluator. The conditions were checked when the flow was published; one that cannot be evaluated
 * now (a form changed since, a division by zero) is false, so the flow takes its {@code otherwise} path.
 */
public final class FlowConditions {

    private FlowConditions() {
    }

    public static boolean holds(CompiledForm form, String source, Map<String, Value> values,
                                Map<String, List<RowValues>> rows, Clock clock, ZoneId zone) {
        Compilation compilation = Expressions.compile(source, FormTypes.of(form), ValueType.BOOLEAN);
        if (compilation.expression().isEmpty()) {
            return false;
        }
        Evaluation evaluation = compilation.expression().get().evaluate(new Scope(values, rows, clock, zone));
        return evaluation instanceof Evaluation.Ok ok && ok.value() instanceof Value.Bool bool && bool.value();
    }

    private record Scope(Map<String, Value> values, Map<String, List<RowValues>> rows, Clock clock, ZoneId zone)
            implements ValueScope {

        @Override
        public Value valueOf(String fieldKey) {
            return values.getOrDefault(fieldKey, Value.NULL);
        }

        @Override
        public List<ValueScope> rowsOf(String subtableKey) {
            return rows.getOrDefault(subtableKey, List.of()).stream()
                    .map(row -> (ValueScope) new Scope(row.values(), Map.of(), clock, zone)).toList();
        }
    }
}
