package dev.brickwork.runtime.time;

import dev.brickwork.forms.record.RecordValidator;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The one clock and time zone of the server: what "today" and "now" are in formulas and validation rules, and the
 * year and day of autonumbers. Tests replace the clock with a fixed one.
 */
public class Clocks {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    /** {@code brickwork.time-zone} (e.g. {@code Asia/Shanghai}), else the JVM's. */
    @Produces
    @Singleton
    ZoneId zone(@ConfigProperty(name = "brickwork.time-zone") Optional<String> configured) {
        return configured.filter(zone -> !zone.isBlank()).map(ZoneId::of).orElseGet(ZoneId::systemDefault);
    }

    @Produces
    @Singleton
    RecordValidator recordValidator(Clock clock, ZoneId zone) {
        return new RecordValidator(clock, zone);
    }
}
