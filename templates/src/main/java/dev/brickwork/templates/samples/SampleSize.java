package dev.brickwork.templates.samples;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How much sample data to make. {@code small} loads in well under a minute on a small machine; {@code large} is the
 * mid-size company of issue 12 (20k customers, 40k contacts, 30k opportunities, about 10k contracts, 50k follow-ups,
 * 5k tickets).
 */
public enum SampleSize {
    /** A few dozen customers (about 300 writes): for tests of a loader, not a demonstration. */
    TINY(new Counts(12, 10, 2, 10, 20, 30, 20, 40, 5)),
    SMALL(new Counts(12, 30, 8, 150, 300, 450, 300, 600, 60)),
    MEDIUM(new Counts(20, 60, 16, 1500, 2000, 4000, 3000, 5000, 500)),
    LARGE(new Counts(30, 120, 30, 8000, 20000, 40000, 30000, 50000, 5000));

    /**
     * The counts a size aims at. Leads are the ones never converted (converted leads come with the customers they
     * became, about a quarter of them); quotes, contracts (the won third of the opportunities), payment plans and
     * payments follow from the opportunities.
     */
    public record Counts(int users, int products, int campaigns, int leads, int customers, int contacts,
                         int opportunities, int followUps, int tickets) {
    }

    private final Counts counts;

    SampleSize(Counts counts) {
        this.counts = counts;
    }

    public Counts counts() {
        return counts;
    }

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SampleSize> fromJson(String name) {
        return Arrays.stream(values()).filter(s -> s.json().equals(name)).findFirst();
    }
}
