package dev.brickwork.forms.expr;

import java.math.BigDecimal;
import java.util.List;

// Evaluates an aggregate's argument once per subtable row; blanks are skipped.
final class Aggregates {

    private Aggregates() {
    }

    static Value evaluate(Bound.Aggregate aggregate, List<ValueScope> rows, Evaluator evaluator, Evaluator.Env env) {
        BigDecimal sum = BigDecimal.ZERO;
        long count = 0;
        Value best = Value.NULL;
        for (ValueScope row : rows) {
            if (row == null) {
                continue;
            }
            Value value = evaluator.evaluate(aggregate.argument(), new Evaluator.Env(env.record(), row));
            if (value instanceof Value.Null) {
                continue;
            }
            count++;
            if (value instanceof Value.Number number && isSumming(aggregate.function())) {
                sum = Numbers.bounded(sum.add(number.value()), aggregate.position());
            }
            if (best instanceof Value.Null || better(aggregate.function(), value, best)) {
                best = value;
            }
        }
        switch (aggregate.function()) {
            case SUM:
                return new Value.Number(sum);
            case AVG:
                return count == 0 ? Value.NULL
                        : new Value.Number(Numbers.divide(sum, BigDecimal.valueOf(count), aggregate.position()));
            case COUNT:
                return new Value.Number(BigDecimal.valueOf(count));
            default:
                return best;
        }
    }

    private static boolean isSumming(Function function) {
        return function == Function.SUM || function == Function.AVG;
    }

    private static boolean better(Function function, Value candidate, Value best) {
        if (function == Function.MIN) {
            return Values.compare(candidate, best) < 0;
        }
        if (function == Function.MAX) {
            return Values.compare(candidate, best) > 0;
        }
        return false;
    }
}
