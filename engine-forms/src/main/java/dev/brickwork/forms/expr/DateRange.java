package dev.brickwork.forms.expr;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The dates and instants a value may hold: years 1 to 9999 (instants in UTC). Every store keeps them exactly;
 * beyond, PostgreSQL refuses some, the driver turns others into {@code ±infinity}, and ISO-8601 needs a sign.
 */
public final class DateRange {

    public static final LocalDate FIRST_DAY = LocalDate.of(1, 1, 1);
    public static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);
    private static final Instant FIRST_INSTANT = FIRST_DAY.atStartOfDay().toInstant(ZoneOffset.UTC);
    private static final Instant END = LAST_DAY.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);

    private DateRange() {
    }

    public static boolean holds(LocalDate date) {
        return !date.isBefore(FIRST_DAY) && !date.isAfter(LAST_DAY);
    }

    public static boolean holds(Instant instant) {
        return !instant.isBefore(FIRST_INSTANT) && instant.isBefore(END);
    }

    /** An ISO-8601 date-time with an offset, as an instant, when it parses and lies in the range. */
    public static Optional<Instant> instant(String text) {
        try {
            Instant instant = OffsetDateTime.parse(text).toInstant();
            return holds(instant) ? Optional.of(instant) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
