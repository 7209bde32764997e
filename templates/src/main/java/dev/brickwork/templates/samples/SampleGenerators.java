package dev.brickwork.templates.samples;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/** The generators a package's {@code seed} may name. Only one so far: {@code crm-sample}, for the CRM starter. */
public final class SampleGenerators {

    public static final String CRM = "crm-sample";

    private SampleGenerators() {
    }

    /** The forms whose keys the CRM starter's sample records use: an app must have them all to take the data. */
    private static final Set<String> CRM_FORMS = Set.of("product", "campaign", "lead", "customer", "contact",
            "opportunity", "quote", "contract", "payment_plan", "payment", "follow_up", "ticket");

    public static Set<String> names() {
        return Set.of(CRM);
    }

    /** The forms a generator's records are written to, or empty for an unknown name. */
    public static Optional<Set<String>> forms(String generator) {
        return CRM.equals(generator) ? Optional.of(CRM_FORMS) : Optional.empty();
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
