package dev.brickwork.forms.read;

/** The catalogue of problem codes a form definition can get, from reading ({@code read}) and compiling ({@code compile}). */
public final class DefinitionCodes {

    private DefinitionCodes() {
    }

    // shape
    public static final String DEFINITION_NOT_OBJECT = "DEFINITION_NOT_OBJECT";
    public static final String FORM_SCHEMA_VERSION_UNSUPPORTED = "FORM_SCHEMA_VERSION_UNSUPPORTED";
    public static final String PROPERTY_UNKNOWN = "PROPERTY_UNKNOWN";
    public static final String PROPERTY_TYPE = "PROPERTY_TYPE";
    public static final String PROPERTY_REQUIRED = "PROPERTY_REQUIRED";
    /** a well-typed value outside its allowed set (an aggregate, an action, a normaliser) */
    public static final String PROPERTY_VALUE_INVALID = "PROPERTY_VALUE_INVALID";
    public static final String KEY_INVALID = "KEY_INVALID";
    public static final String LABEL_INVALID = "LABEL_INVALID";
    public static final String TITLE_FIELD_INVALID = "TITLE_FIELD_INVALID";
    /** A layout cell names no top-level field. */
    public static final String LAYOUT_FIELD_UNKNOWN = "LAYOUT_FIELD_UNKNOWN";
    /** A layout places a field twice. */
    public static final String LAYOUT_FIELD_REPEATED = "LAYOUT_FIELD_REPEATED";
    /** A layout row's cells are wider than the 12-column grid together. */
    public static final String LAYOUT_ROW_TOO_WIDE = "LAYOUT_ROW_TOO_WIDE";

    // fields
    public static final String FIELDS_TOO_MANY = "FIELDS_TOO_MANY";
    public static final String FIELD_TYPE_UNKNOWN = "FIELD_TYPE_UNKNOWN";
    public static final String FIELD_KEY_DUPLICATE = "FIELD_KEY_DUPLICATE";
    public static final String FIELD_KEY_RESERVED = "FIELD_KEY_RESERVED";
    public static final String FIELD_KEY_SYSTEM = "FIELD_KEY_SYSTEM";
    public static final String OPTION_DUPLICATE = "OPTION_DUPLICATE";
    public static final String SUBTABLE_NESTED = "SUBTABLE_NESTED";
    public static final String PATTERN_INVALID = "PATTERN_INVALID";
    public static final String RANGE_INVALID = "RANGE_INVALID";
    /** {@code unique} on a field of a subtable */
    public static final String UNIQUE_IN_SUBTABLE = "UNIQUE_IN_SUBTABLE";

    // rules
    public static final String RULE_TYPE_UNKNOWN = "RULE_TYPE_UNKNOWN";
    public static final String RULE_KEY_DUPLICATE = "RULE_KEY_DUPLICATE";
    /** a rule names a field that does not exist at the top level */
    public static final String RULE_FIELD_UNKNOWN = "RULE_FIELD_UNKNOWN";
    /** a rule names a field it cannot use (a subtable or formula in a duplicate rule, a normaliser for an unlisted field) */
    public static final String RULE_FIELD_INVALID = "RULE_FIELD_INVALID";
    /** a duplicate rule's {@code also} leaves a field of the rule without a field of the other form */
    public static final String DUPLICATE_ALSO_UNMAPPED = "DUPLICATE_ALSO_UNMAPPED";

    // semantics (compile)
    public static final String REFERENCE_UNKNOWN_FORM = "REFERENCE_UNKNOWN_FORM";
    public static final String ROLLUP_UNKNOWN_FORM = "ROLLUP_UNKNOWN_FORM";
    public static final String ROLLUP_VIA_INVALID = "ROLLUP_VIA_INVALID";
    public static final String ROLLUP_FIELD_INVALID = "ROLLUP_FIELD_INVALID";
    /** a duplicate rule's {@code also} names no other form of the app (or this form itself) */
    public static final String DUPLICATE_ALSO_UNKNOWN_FORM = "DUPLICATE_ALSO_UNKNOWN_FORM";
    /** a duplicate rule's {@code also} maps a field to no comparable top-level field of the other form */
    public static final String DUPLICATE_ALSO_FIELD_UNKNOWN = "DUPLICATE_ALSO_FIELD_UNKNOWN";
    /** a duplicate rule's {@code also} maps a field to one stored differently (type, reference target, sensitivity) */
    public static final String DUPLICATE_ALSO_TYPE_MISMATCH = "DUPLICATE_ALSO_TYPE_MISMATCH";
    public static final String FORMULA_CYCLE = "FORMULA_CYCLE";
    /** A formula reads a sensitive field: its stored result would hold the value (or part of it) in clear. */
    public static final String FORMULA_READS_SENSITIVE = "FORMULA_READS_SENSITIVE";
    /** {@code sensitive} on a type whose values cannot be stored encrypted (boolean, lists, links, computed fields). */
    public static final String SENSITIVE_TYPE_UNSUPPORTED = "SENSITIVE_TYPE_UNSUPPORTED";
    /** A roll-up sums a sensitive field of another form: its stored total would be in clear. */
    public static final String ROLLUP_FIELD_SENSITIVE = "ROLLUP_FIELD_SENSITIVE";
    /** a lookup's {@code via} is not a reference field of this form's top level */
    public static final String LOOKUP_VIA_INVALID = "LOOKUP_VIA_INVALID";
    /** a lookup's {@code field} is not a field of the referenced form that can be looked up */
    public static final String LOOKUP_FIELD_INVALID = "LOOKUP_FIELD_INVALID";
    /** A lookup of a sensitive field: the copy would be stored in clear. */
    public static final String LOOKUP_FIELD_SENSITIVE = "LOOKUP_FIELD_SENSITIVE";
    /** a lookup inside a subtable's rows: rows are snapshots a save replaces, with nothing to keep true */
    public static final String LOOKUP_IN_SUBTABLE = "LOOKUP_IN_SUBTABLE";
    /** lookups, roll-ups and formulas (of this form and others) that depend on each other in a circle */
    public static final String COMPUTED_CYCLE = "COMPUTED_CYCLE";
    public static final String DEFAULT_INVALID = "DEFAULT_INVALID";
    public static final String AUTONUMBER_PATTERN_INVALID = "AUTONUMBER_PATTERN_INVALID";
    /** the expression compiler failed unexpectedly; reported instead of throwing */
    public static final String EXPR_INTERNAL = "EXPR_INTERNAL";
}
