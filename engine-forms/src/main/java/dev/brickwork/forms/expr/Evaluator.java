package dev.brickwork.forms.expr;

import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.List;

// Walks the Bound tree; runtime problems unwind as EvaluationFailure. Stateless.
final class Evaluator {

    // The record, and the subtable row when inside an aggregate's argument.
    record Env(ValueScope record, ValueScope row) {
    }

    private final FunctionEvaluator functions = new FunctionEvaluator(this);

    Value evaluate(Bound node, Env env) {
        if (node instanceof Bound.Constant constant) {
            return constant.value();
        }
        if (node instanceof Bound.FieldRead field) {
            return Values.read(env.record().valueOf(field.key()), field.type(), field.key(), field.position());
        }
        if (node instanceof Bound.ColumnRead column) {
            return Values.read(env.row().valueOf(column.key()), column.type(),
                    column.subtable() + "." + column.key(), column.position());
        }
        if (node instanceof Bound.Unary unary) {
            return unary(unary, env);
        }
        if (node instanceof Bound.Binary binary) {
            return binary(binary, env);
        }
        if (node instanceof Bound.Apply apply) {
            return functions.apply(apply, env);
        }
        if (node instanceof Bound.Aggregate aggregate) {
            return Aggregates.evaluate(aggregate, rows(env, aggregate.subtable()), this, env);
        }
        Bound.RowCount count = (Bound.RowCount) node;
        return new Value.Number(BigDecimal.valueOf(rows(env, count.subtable()).size()));
    }

    static List<ValueScope> rows(Env env, String subtable) {
        List<ValueScope> rows = env.record().rowsOf(subtable);
        return rows == null ? List.of() : rows;
    }

    private Value unary(Bound.Unary unary, Env env) {
        Value operand = evaluate(unary.operand(), env);
        if (unary.operator() == UnaryOperator.NOT) {
            return new Value.Bool(!Values.isTrue(operand));
        }
        if (operand instanceof Value.Number number) {
            return new Value.Number(number.value().negate());
        }
        return Value.NULL;
    }

    private Value binary(Bound.Binary binary, Env env) {
        BinaryOperator operator = binary.operator();
        Value left = evaluate(binary.left(), env);
        // and/or look at their right side only when it can still change the outcome
        if (operator == BinaryOperator.AND) {
            return new Value.Bool(Values.isTrue(left) && Values.isTrue(evaluate(binary.right(), env)));
        }
        if (operator == BinaryOperator.OR) {
            return new Value.Bool(Values.isTrue(left) || Values.isTrue(evaluate(binary.right(), env)));
        }
        Value right = evaluate(binary.right(), env);
        if (operator == BinaryOperator.CONCAT) {
            return new Value.Text(Values.text(left) + Values.text(right));
        }
        if (left instanceof Value.Null || right instanceof Value.Null) {
            return Value.NULL;
        }
        if (operator.isComparison()) {
            return new Value.Bool(compare(operator, left, right));
        }
        return arithmetic(operator, left, right, binary.operatorPosition());
    }

    private static boolean compare(BinaryOperator operator, Value left, Value right) {
        switch (operator) {
            case EQ:
                return Values.same(left, right);
            case NE:
                return !Values.same(left, right);
            case LT:
                return Values.compare(left, right) < 0;
            case LE:
                return Values.compare(left, right) <= 0;
            case GT:
                return Values.compare(left, right) > 0;
            default:
                return Values.compare(left, right) >= 0;
        }
    }

    private static Value arithmetic(BinaryOperator operator, Value left, Value right, int position) {
        if (left instanceof Value.Date date) {
            if (right instanceof Value.Date other) {
                return new Value.Number(BigDecimal.valueOf(ChronoUnit.DAYS.between(other.value(), date.value())));
            }
            BigDecimal days = ((Value.Number) right).value();
            return new Value.Date(Numbers.plusDays(date.value(), operator == BinaryOperator.SUBTRACT ? days.negate() : days,
                    position));
        }
        BigDecimal l = ((Value.Number) left).value();
        if (right instanceof Value.Date date) {
            return new Value.Date(Numbers.plusDays(date.value(), l, position));
        }
        BigDecimal r = ((Value.Number) right).value();
        BigDecimal result = switch (operator) {
            case ADD -> l.add(r);
            case SUBTRACT -> l.subtract(r);
            case MULTIPLY -> l.multiply(r);
            case DIVIDE -> Numbers.divide(l, r, position);
            default -> Numbers.remainder(l, r, position);
        };
        return new Value.Number(Numbers.bounded(result, position));
    }
}
