package dev.brickwork.bench;

import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/** The lines the phases print: per round, per side, the final block, and the first ten errors. */
final class Report {

    private static final AtomicLong REPORTED = new AtomicLong();

    private Report() {
    }

    static void round(int round, int rounds, String name, long ok, long errors, int length, Cpu used) {
        System.out.printf(Locale.ROOT, "  round %d/%d %-18s %8.0f /s  (%d errors)  CPU cores: %s%n", round, rounds,
                name, ok / (double) length, errors, used.describe(length));
    }

    static void side(Tally tally) {
        System.out.printf(Locale.ROOT, "%-18s %8.0f /s  (%,d in %.0f s, %d errors)  CPU cores: %s%n", tally.name,
                tally.perSecond(), tally.ok, tally.seconds, tally.errors, tally.cpu.describe(tally.seconds));
    }

    /** A line of the final block: {@code measured} against {@code base}, and whether the target ratio is met. */
    static void summary(String label, String name, Tally measured, String baseName, Tally base, int target) {
        double ratio = base.perSecond() == 0 ? 0 : 100.0 * measured.perSecond() / base.perSecond();
        System.out.printf(Locale.ROOT, "%-24s  %-4s %6.0f   %-5s %6.0f   ratio %5.1f %%  (target >= %d %%: %s)%n", label,
                name, measured.perSecond(), baseName, base.perSecond(), ratio, target, ratio >= target ? "met" : "NOT met");
    }

    /**
     * The floor line: requests that do no record work at all, against the raw rates the targets are measured on. When
     * even they stay under a target's share of raw, no API implementation on this machine can meet that target.
     */
    static void floor(String label, Tally noop, Tally rawPages, Tally rawCreates, int createTarget, Tally rawPagesPhaseB,
                      int pageTarget) {
        double perSecond = noop.perSecond();
        System.out.printf(Locale.ROOT, "%-24s  API  %6.0f   = %5.1f %% of raw INSERTs/s (target %d %%), %5.1f %% of raw"
                        + " pages/s (target %d %%); raw SELECT now %6.0f%n", label, perSecond,
                share(perSecond, rawCreates), createTarget, share(perSecond, rawPagesPhaseB), pageTarget,
                rawPages.perSecond());
    }

    private static double share(double perSecond, Tally base) {
        return base.perSecond() == 0 ? 0 : 100.0 * perSecond / base.perSecond();
    }

    /** True if the response has the expected status; otherwise reports it and returns false. */
    static boolean expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() == status) {
            return true;
        }
        error(what + " answered " + response.statusCode() + ": " + response.body());
        return false;
    }

    /** Prints the first ten errors of the run; the rest are only counted. */
    static void error(String message) {
        if (REPORTED.incrementAndGet() <= 10) {
            System.out.println("ERROR " + message);
        }
    }
}
