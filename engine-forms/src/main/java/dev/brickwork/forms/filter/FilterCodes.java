package dev.brickwork.forms.filter;

/**
 * The codes of a filter's located problems, the same for a list query's {@code filter} (docs/spec.md §4) and for a
 * filter a definition carries (a roll-up's; docs/spec.md §2).
 */
public final class FilterCodes {

    public static final String FILTER_NODE_INVALID = "FILTER_NODE_INVALID";
    public static final String FILTER_PROPERTY_UNKNOWN = "FILTER_PROPERTY_UNKNOWN";
    public static final String FILTER_PROPERTY_MISSING = "FILTER_PROPERTY_MISSING";
    public static final String FILTER_TOO_DEEP = "FILTER_TOO_DEEP";
    public static final String FILTER_TOO_MANY_CONDITIONS = "FILTER_TOO_MANY_CONDITIONS";
    public static final String FILTER_FIELD_UNKNOWN = "FILTER_FIELD_UNKNOWN";
    public static final String FILTER_FIELD_NOT_FILTERABLE = "FILTER_FIELD_NOT_FILTERABLE";
    public static final String FILTER_OP_UNKNOWN = "FILTER_OP_UNKNOWN";
    public static final String FILTER_OP_UNSUPPORTED = "FILTER_OP_UNSUPPORTED";
    public static final String FILTER_VALUE_INVALID = "FILTER_VALUE_INVALID";

    private FilterCodes() {
    }
}
