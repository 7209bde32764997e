package dev.brickwork.runtime;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The runtime tests' clock: one fixed instant (a test may move it: {@link #set}), so values the server derives from "now" (an autonumber's year,
 * {@code today()} in a formula) are known to the tests and do not change at New Year.
 */
public class FixedClock {

    public static final Instant NOW = Instant.parse("2026-06-15T09:30:00Z");

    private static volatile Instant now = NOW;

    /** Moves the server's clock (a test that does puts it back with {@link #reset()}). */
    public static void set(Instant instant) {
        now = instant;
    }

    public static void reset() {
        now = NOW;
    }

    /** The year the server sees, in the zone it runs in (the JVM's, as no {@code brickwork.time-zone} is set). */
    public static int year() {
        return NOW.atZone(ZoneId.systemDefault()).getYear();
    }

    @Produces
    @Singleton
    @Alternative
    @Priority(1)
    Clock fixed() {
        return new Movable(ZoneOffset.UTC);
    }

    /** Stands still at {@link #now}, wherever a test put it. */
    private static final class Movable extends Clock {

        private final ZoneId zone;

        Movable(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new Movable(other);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
