package dev.brickwork.forms.expr;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

// The functions other than aggregates. A null argument gives null, except where docs/spec.md §2 says otherwise.
final class FunctionEvaluator {

    private final Evaluator evaluator;

    FunctionEvaluator(Evaluator evaluator) {
        this.evaluator = evaluator;
    }

    Value apply(Bound.Apply apply, Evaluator.Env env) {
        List<Bound> args = apply.arguments();
        switch (apply.function()) {
            case IF:
                // only the branch taken is evaluated, so IF(x = 0, 0, y / x) is safe
                return Values.isTrue(arg(args, 0, env)) ? arg(args, 1, env) : arg(args, 2, env);
            case AND:
                for (Bound argument : args) {
                    if (!Values.isTrue(evaluator.evaluate(argument, env))) {
                        return new Value.Bool(false);
                    }
                }
                return new Value.Bool(true);
            case OR:
                for (Bound argument : args) {
                    if (Values.isTrue(evaluator.evaluate(argument, env))) {
                        return new Value.Bool(true);
                    }
                }
                return new Value.Bool(false);
            case NOT:
                return new Value.Bool(!Values.isTrue(arg(args, 0, env)));
            case COALESCE:
                for (Bound argument : args) {
                    Value value = evaluator.evaluate(argument, env);
                    if (!(value instanceof Value.Null)) {
                        return value;
                    }
                }
                return Value.NULL;
            case ISBLANK:
                return new Value.Bool(isBlank(arg(args, 0, env)));
            case CONCAT:
                StringBuilder joined = new StringBuilder();
                for (Bound argument : args) {
                    joined.append(Values.text(evaluator.evaluate(argument, env)));
                }
                return new Value.Text(joined.toString());
            case TODAY:
                return new Value.Date(LocalDate.ofInstant(env.record().clock().instant(), env.record().zone()));
            case NOW:
                return new Value.DateTime(env.record().clock().instant());
            default:
                return strict(apply, env);
        }
    }

    // The functions that give null as soon as one argument is null.
    private Value strict(Bound.Apply apply, Evaluator.Env env) {
        Value[] values = new Value[apply.arguments().size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = arg(apply.arguments(), i, env);
            if (values[i] instanceof Value.Null) {
                return Value.NULL;
            }
        }
        int position = apply.position();
        switch (apply.function()) {
            case ROUND:
                BigDecimal digits = values.length > 1 ? number(values[1]) : BigDecimal.ZERO;
                return new Value.Number(Numbers.round(number(values[0]), digits, position));
            case ABS:
                return new Value.Number(number(values[0]).abs());
            case MIN:
            case MAX:
                Value best = values[0];
                for (Value value : values) {
                    int order = Values.compare(value, best);
                    if (apply.function() == Function.MIN ? order < 0 : order > 0) {
                        best = value;
                    }
                }
                return best;
            case LEN:
                return new Value.Number(BigDecimal.valueOf(values[0] instanceof Value.ListOf list
                        ? list.values().size()
                        : text(values[0]).codePointCount(0, text(values[0]).length())));
            case UPPER:
                return new Value.Text(text(values[0]).toUpperCase(Locale.ROOT));
            case LOWER:
                return new Value.Text(text(values[0]).toLowerCase(Locale.ROOT));
            case DAYS:
                LocalDate end = Values.dateOf(values[0], env.record().zone());
                LocalDate start = Values.dateOf(values[1], env.record().zone());
                return new Value.Number(BigDecimal.valueOf(ChronoUnit.DAYS.between(start, end)));
            case YEAR:
                return new Value.Number(BigDecimal.valueOf(Values.dateOf(values[0], env.record().zone()).getYear()));
            case DATEADD:
                // the type checker let only a literal unit through
                return Dates.add(values[0], number(values[1]), DateUnit.named(text(values[2])).orElseThrow(),
                        env.record().zone(), position);
            case HOURS:
                return new Value.Number(Dates.hours(((Value.DateTime) values[0]).value(),
                        ((Value.DateTime) values[1]).value(), position));
            case MONTH:
                return new Value.Number(
                        BigDecimal.valueOf(Values.dateOf(values[0], env.record().zone()).getMonthValue()));
            default:
                throw new IllegalStateException("no evaluation for " + apply.function());
        }
    }

    private Value arg(List<Bound> args, int index, Evaluator.Env env) {
        return evaluator.evaluate(args.get(index), env);
    }

    private static boolean isBlank(Value value) {
        return value instanceof Value.Null
                || (value instanceof Value.Text text && text.value().isEmpty())
                || (value instanceof Value.ListOf list && list.values().isEmpty());
    }

    private static BigDecimal number(Value value) {
        return ((Value.Number) value).value();
    }

    private static String text(Value value) {
        return ((Value.Text) value).value();
    }
}
