package dev.brickwork.templates.samples;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/** The generator's one source of chance: seeded, so the same seed gives the same data. */
final class Dice {

    private final SplittableRandom random;

    Dice(long seed) {
        this.random = new SplittableRandom(seed);
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    /** From {@code low} to {@code high}, both included. */
    int between(int low, int high) {
        return low + random.nextInt(high - low + 1);
    }

    double unit() {
        return random.nextDouble();
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** An index drawn with the given weights. */
    int weighted(double... weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double at = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            at -= weights[i];
            if (at < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** One of {@code values}, drawn with {@code weights} (same length). */
    <T> T weighted(List<T> values, double... weights) {
        return values.get(weighted(weights));
    }

    /** Standard normal (Box-Muller; one of the pair is dropped, which keeps the stream simple). */
    double gaussian() {
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /**
     * Log-normal with the given median and spread, clipped: most deals are modest and a few are large, as in any
     * sales ledger.
     */
    double logNormal(double median, double sigma, double min, double max) {
        double value = median * Math.exp(sigma * gaussian());
        return Math.max(min, Math.min(max, value));
    }

    /** An amount in whole units of {@code step} yuan, as money text with cents. */
    BigDecimal money(double median, double sigma, double min, double max, int step) {
        double value = logNormal(median, sigma, min, max);
        long units = Math.max(1, Math.round(value / step));
        return BigDecimal.valueOf(units * (long) step).setScale(2, RoundingMode.UNNECESSARY);
    }

    LocalDate dayBetween(LocalDate from, LocalDate to) {
        long span = to.toEpochDay() - from.toEpochDay();
        return span <= 0 ? from : from.plusDays(random.nextLong(span + 1));
    }

    long nextLong() {
        return random.nextLong();
    }
}
