package dev.brickwork.runtime.records.query;

import dev.brickwork.forms.filter.FilterCodes;

/** The codes of the located errors in a refused list query ({@code errors[].code}); the filter's are the filter language's. */
public final class QueryCodes {

    public static final String FILTER_MALFORMED = "FILTER_MALFORMED";
    public static final String FILTER_NODE_INVALID = FilterCodes.FILTER_NODE_INVALID;
    public static final String FILTER_PROPERTY_UNKNOWN = FilterCodes.FILTER_PROPERTY_UNKNOWN;
    public static final String FILTER_PROPERTY_MISSING = FilterCodes.FILTER_PROPERTY_MISSING;
    public static final String FILTER_TOO_DEEP = FilterCodes.FILTER_TOO_DEEP;
    public static final String FILTER_TOO_MANY_CONDITIONS = FilterCodes.FILTER_TOO_MANY_CONDITIONS;
    public static final String FILTER_FIELD_UNKNOWN = FilterCodes.FILTER_FIELD_UNKNOWN;
    public static final String FILTER_FIELD_NOT_FILTERABLE = FilterCodes.FILTER_FIELD_NOT_FILTERABLE;
    public static final String FILTER_OP_UNKNOWN = FilterCodes.FILTER_OP_UNKNOWN;
    public static final String FILTER_OP_UNSUPPORTED = FilterCodes.FILTER_OP_UNSUPPORTED;
    public static final String FILTER_VALUE_INVALID = FilterCodes.FILTER_VALUE_INVALID;
    public static final String SORT_TERM_EMPTY = "SORT_TERM_EMPTY";
    public static final String SORT_FIELD_UNKNOWN = "SORT_FIELD_UNKNOWN";
    public static final String SORT_FIELD_NOT_SORTABLE = "SORT_FIELD_NOT_SORTABLE";
    public static final String SORT_TERM_DUPLICATE = "SORT_TERM_DUPLICATE";
    public static final String SORT_TOO_MANY_TERMS = "SORT_TOO_MANY_TERMS";
    public static final String LIMIT_INVALID = "LIMIT_INVALID";
    public static final String Q_TOO_LONG = "Q_TOO_LONG";
    public static final String Q_UNSUPPORTED = "Q_UNSUPPORTED";
    public static final String CURSOR_INVALID = "CURSOR_INVALID";
    public static final String QUERY_BODY_NOT_OBJECT = "QUERY_BODY_NOT_OBJECT";
    public static final String QUERY_PROPERTY_UNKNOWN = "QUERY_PROPERTY_UNKNOWN";
    public static final String QUERY_PROPERTY_TYPE = "QUERY_PROPERTY_TYPE";

    private QueryCodes() {
    }
}
