package dev.brickwork.bench;

/** The form the benchmark publishes and works on, its table, and the page the keyset phases ask for. */
final class Form {

    static final String APP = "bench";
    static final String FORM = "deal";
    static final String TABLE = "app_bench.deal";
    static final String FILTER_STAGE = "won";
    static final int PAGE = 20;

    /** The records collection of the form in the API. */
    static final String RECORDS = "/api/v1/apps/" + APP + "/forms/" + FORM + "/records";

    private Form() {
    }
}
