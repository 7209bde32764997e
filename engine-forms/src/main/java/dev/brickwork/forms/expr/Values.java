package dev.brickwork.forms.expr;

import static dev.brickwork.forms.expr.ExpressionProblemCode.EXPR_TYPE_MISMATCH;

import java.time.LocalDate;
import java.time.ZoneId;

// Conversions and comparisons of runtime values.
final class Values {

    private Values() {
    }

    // Where a null condition counts as false.
    static boolean isTrue(Value value) {
        return value instanceof Value.Bool bool && bool.value();
    }

    // For & and CONCAT: null is '', numbers are never in exponent notation.
    static String text(Value value) {
        if (value instanceof Value.Text text) {
            return text.value();
        }
        if (value instanceof Value.Number number) {
            return number.value().toPlainString();
        }
        if (value instanceof Value.Bool bool) {
            return Boolean.toString(bool.value());
        }
        if (value instanceof Value.Date date) {
            return date.value().toString();
        }
        if (value instanceof Value.DateTime dateTime) {
            return dateTime.value().toString();
        }
        if (value instanceof Value.ListOf list) {
            return String.join(", ", list.values());
        }
        return "";
    }

    // Equality as = sees it: 1.0 equals 1.
    static boolean same(Value left, Value right) {
        if (left instanceof Value.Number l && right instanceof Value.Number r) {
            return l.value().compareTo(r.value()) == 0;
        }
        return left.equals(right);
    }

    // Orders two non-null values of one ordered type, which the type checker guarantees.
    static int compare(Value left, Value right) {
        if (left instanceof Value.Number l && right instanceof Value.Number r) {
            return l.value().compareTo(r.value());
        }
        if (left instanceof Value.Text l && right instanceof Value.Text r) {
            return l.value().compareTo(r.value());
        }
        if (left instanceof Value.Date l && right instanceof Value.Date r) {
            return l.value().compareTo(r.value());
        }
        if (left instanceof Value.DateTime l && right instanceof Value.DateTime r) {
            return l.value().compareTo(r.value());
        }
        throw new IllegalStateException("the type checker let through an unordered comparison");
    }

    static LocalDate dateOf(Value value, ZoneId zone) {
        if (value instanceof Value.DateTime dateTime) {
            return LocalDate.ofInstant(dateTime.value(), zone);
        }
        return ((Value.Date) value).value();
    }

    // A value read from a scope, checked against the type the scope declared, so the evaluator can rely on the
    // types the checker saw. A record with a null payload counts as blank.
    static Value read(Value value, ValueType declared, String name, int position) {
        if (value == null || value instanceof Value.Null || payloadIsNull(value)) {
            return Value.NULL;
        }
        if (value.type() != declared) {
            throw new EvaluationFailure(EXPR_TYPE_MISMATCH, position, "The field " + Limits.quoteName(name)
                    + " holds " + Checked.describe(value.type()) + " where " + Checked.describe(declared)
                    + " was declared");
        }
        if (value instanceof Value.Number number) {
            Numbers.bounded(number.value(), position);
        }
        return value;
    }

    private static boolean payloadIsNull(Value value) {
        return (value instanceof Value.Text text && text.value() == null)
                || (value instanceof Value.Number number && number.value() == null)
                || (value instanceof Value.Date date && date.value() == null)
                || (value instanceof Value.DateTime dateTime && dateTime.value() == null);
    }
}
