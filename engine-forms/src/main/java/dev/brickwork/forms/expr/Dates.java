package dev.brickwork.forms.expr;

import static dev.brickwork.forms.expr.ExpressionProblemCode.EXPR_NUMBER_TOO_LARGE;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

// DATEADD and HOURS: calendar arithmetic in the scope's zone, kept inside the range every store holds.
final class Dates {

    private static final BigDecimal MICROS_PER_MINUTE = BigDecimal.valueOf(60_000_000L);
    private static final BigDecimal MICROS_PER_HOUR = BigDecimal.valueOf(3_600_000_000L);
    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);
    // more than any two stored instants lie apart (10,000 years), so the long never overflows
    private static final BigDecimal MAX_MICROS = BigDecimal.valueOf(Limits.MAX_DAY_OFFSET).multiply(BigDecimal.valueOf(86_400_000_000L));

    private Dates() {
    }

    // A date or a date and time plus an amount of units. Days, months and years are whole (a fraction is dropped,
    // as date + n drops it); minutes and hours on a date and time are exact to the microsecond PostgreSQL keeps.
    static Value add(Value temporal, BigDecimal amount, DateUnit unit, ZoneId zone, int position) {
        if (temporal instanceof Value.Date date) {
            return new Value.Date(unit == DateUnit.DAY ? Numbers.plusDays(date.value(), amount, position)
                    : onCalendar(date.value(), whole(amount, position), unit, position));
        }
        Instant instant = ((Value.DateTime) temporal).value();
        try {
            Instant result = unit.belowDay() ? instant.plus(micros(amount, unit, position), ChronoUnit.MICROS)
                    : switch (unit) {
                        case DAY -> ZonedDateTime.ofInstant(instant, zone).plusDays(whole(amount, position)).toInstant();
                        case MONTH -> ZonedDateTime.ofInstant(instant, zone).plusMonths(whole(amount, position)).toInstant();
                        default -> ZonedDateTime.ofInstant(instant, zone).plusYears(whole(amount, position)).toInstant();
                    };
            if (!DateRange.holds(result)) {
                throw tooFar(position);
            }
            return new Value.DateTime(result);
        } catch (DateTimeException | ArithmeticException outOfCalendar) {
            throw tooFar(position);
        }
    }

    // The hours from start to end (negative when end is earlier), exact as '/' divides.
    static BigDecimal hours(Instant end, Instant start, int position) {
        Duration between = Duration.between(start, end);
        BigDecimal seconds = BigDecimal.valueOf(between.getSeconds()).add(BigDecimal.valueOf(between.getNano(), 9));
        return Numbers.divide(seconds, SECONDS_PER_HOUR, position);
    }

    private static LocalDate onCalendar(LocalDate date, long amount, DateUnit unit, int position) {
        try {
            LocalDate result = unit == DateUnit.MONTH ? date.plusMonths(amount) : date.plusYears(amount);
            if (!DateRange.holds(result)) {
                throw tooFar(position);
            }
            return result;
        } catch (DateTimeException outOfCalendar) {
            throw tooFar(position);
        }
    }

    private static long whole(BigDecimal amount, int position) {
        BigDecimal whole = amount.setScale(0, RoundingMode.DOWN);
        if (whole.abs().compareTo(BigDecimal.valueOf(Limits.MAX_DAY_OFFSET)) > 0) {
            throw tooFar(position);
        }
        return whole.longValueExact();
    }

    private static long micros(BigDecimal amount, DateUnit unit, int position) {
        BigDecimal micros = amount.multiply(unit == DateUnit.MINUTE ? MICROS_PER_MINUTE : MICROS_PER_HOUR)
                .setScale(0, RoundingMode.DOWN);
        if (micros.abs().compareTo(MAX_MICROS) > 0) {
            throw tooFar(position);
        }
        return micros.longValueExact();
    }

    private static EvaluationFailure tooFar(int position) {
        return new EvaluationFailure(EXPR_NUMBER_TOO_LARGE, position, "The date would leave the calendar");
    }
}
