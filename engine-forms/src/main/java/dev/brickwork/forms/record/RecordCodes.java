package dev.brickwork.forms.record;

/** The catalogue of problem codes a record can get. Messages never contain the rejected value. */
public final class RecordCodes {

    private RecordCodes() {
    }

    public static final String RECORD_NOT_OBJECT = "RECORD_NOT_OBJECT";
    public static final String FIELD_UNKNOWN = "FIELD_UNKNOWN";
    public static final String FIELD_READ_ONLY = "FIELD_READ_ONLY";
    public static final String FIELD_REQUIRED = "FIELD_REQUIRED";
    public static final String FIELD_TYPE_MISMATCH = "FIELD_TYPE_MISMATCH";
    public static final String FIELD_TOO_LONG = "FIELD_TOO_LONG";
    public static final String FIELD_PATTERN_MISMATCH = "FIELD_PATTERN_MISMATCH";
    public static final String FIELD_BELOW_MIN = "FIELD_BELOW_MIN";
    public static final String FIELD_ABOVE_MAX = "FIELD_ABOVE_MAX";
    public static final String FIELD_SCALE = "FIELD_SCALE";
    public static final String FIELD_NUMBER_TOO_LARGE = "FIELD_NUMBER_TOO_LARGE";
    public static final String FIELD_OPTION_UNKNOWN = "FIELD_OPTION_UNKNOWN";
    public static final String FIELD_EMAIL_INVALID = "FIELD_EMAIL_INVALID";
    public static final String FIELD_PHONE_INVALID = "FIELD_PHONE_INVALID";
    public static final String FIELD_URL_INVALID = "FIELD_URL_INVALID";
    public static final String FIELD_DATE_INVALID = "FIELD_DATE_INVALID";
    public static final String FIELD_DATETIME_INVALID = "FIELD_DATETIME_INVALID";
    public static final String FIELD_REFERENCE_INVALID = "FIELD_REFERENCE_INVALID";
    public static final String RULE_FAILED = "RULE_FAILED";
    public static final String FORMULA_FAILED = "FORMULA_FAILED";
}
