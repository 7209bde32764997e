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
 * The runtime tests' clock: one fixed instant, so values the server derives from "now" (an autonumber's year,
 * {@code today()} in a formula) are known to the tests and do not change at New Year.
 */
public class FixedClock {

    public static final Instant NOW = Instant.parse("2026-06-15T09:30:00Z");

    /** The year the server sees, in the zone it runs in (the JVM's, as no {@code brickwork.time-zone} is set). */
    public static int year() {
        return NOW.atZone(ZoneId.systemDefault()).getYear();
    }

    @Produces
    @Singleton
    @Alternative
    @Priority(1)
    Clock fixed() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }
}
