package dev.brickwork.templates.samples;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/** The generators a package's {@code seed} may name. Only one so far: {@code crm-sample}, for the CRM starter. */
public final class SampleGenerators {

    public static final String CRM = "crm-sample";

    private SampleGenerators() {
    }

    public static Set<String> names() {
        return Set.of(CRM);
    }

    /**
     * The data set of a generator, or empty for an unknown name.
     *
     * @param today the day the data ends at (dates spread over the two years before, plans and follow-ups a little
     *              after); with the same seed and day the data is the same
     */
    public static Optional<SampleSet> generate(String generator, SampleSize size, long seed, LocalDate today) {
        if (CRM.equals(generator)) {
            return Optional.of(CrmSample.generate(size, seed, today));
        }
        return Optional.empty();
    }
}
