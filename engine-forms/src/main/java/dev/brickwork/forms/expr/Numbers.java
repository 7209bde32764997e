package dev.brickwork.forms.expr;

import static dev.brickwork.forms.expr.ExpressionProblemCode.EXPR_DIVISION_BY_ZERO;
import static dev.brickwork.forms.expr.ExpressionProblemCode.EXPR_NUMBER_TOO_LARGE;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;

// Exact decimal arithmetic with the magnitude kept in bounds, so no input makes a computation grow without end.
final class Numbers {

    private Numbers() {
    }

    // Every number that enters or leaves a computation passes here.
    static BigDecimal bounded(BigDecimal value, int position) {
        if (value.precision() > Limits.MAX_NUMBER_DIGITS || Math.abs((long) value.scale()) > Limits.MAX_NUMBER_DIGITS) {
            throw new EvaluationFailure(EXPR_NUMBER_TOO_LARGE, position, "A number grew beyond "
                    + Limits.MAX_NUMBER_DIGITS + " digits");
        }
        return value;
    }

    static BigDecimal divide(BigDecimal dividend, BigDecimal divisor, int position) {
        requireNonZero(divisor, position);
        return bounded(normalize(dividend.divide(divisor, MathContext.DECIMAL128)), position);
    }

    static BigDecimal remainder(BigDecimal dividend, BigDecimal divisor, int position) {
        requireNonZero(divisor, position);
        return bounded(dividend.remainder(divisor), position);
    }

    // Without trailing zeros, and never with a negative scale, so 100 / 1 is 100 and not 1E+2.
    static BigDecimal normalize(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    static BigDecimal round(BigDecimal value, BigDecimal digits, int position) {
        if (digits.abs().compareTo(BigDecimal.valueOf(Limits.MAX_NUMBER_DIGITS)) > 0) {
            throw new EvaluationFailure(EXPR_NUMBER_TOO_LARGE, position, "ROUND can keep at most "
                    + Limits.MAX_NUMBER_DIGITS + " digits");
        }
        int scale = digits.setScale(0, RoundingMode.DOWN).intValueExact();
        BigDecimal rounded = value.setScale(scale, RoundingMode.HALF_UP);
        return bounded(rounded.scale() < 0 ? rounded.setScale(0) : rounded, position);
    }

    // date + days; a fraction of a day is dropped.
    static LocalDate plusDays(LocalDate date, BigDecimal days, int position) {
        BigDecimal whole = days.setScale(0, RoundingMode.DOWN);
        if (whole.abs().compareTo(BigDecimal.valueOf(Limits.MAX_DAY_OFFSET)) > 0) {
            throw tooFar(position);
        }
        try {
            LocalDate result = date.plusDays(whole.longValueExact());
            // a stored date must stay one PostgreSQL holds exactly
            if (!DateRange.holds(result)) {
                throw tooFar(position);
            }
            return result;
        } catch (DateTimeException outOfCalendar) {
            throw tooFar(position);
        }
    }

    private static EvaluationFailure tooFar(int position) {
        return new EvaluationFailure(EXPR_NUMBER_TOO_LARGE, position, "The date would leave the calendar");
    }

    private static void requireNonZero(BigDecimal divisor, int position) {
        if (divisor.signum() == 0) {
            throw new EvaluationFailure(EXPR_DIVISION_BY_ZERO, position, "Division by zero");
        }
    }
}
