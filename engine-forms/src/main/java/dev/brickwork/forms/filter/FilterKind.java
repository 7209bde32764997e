package dev.brickwork.forms.filter;

import dev.brickwork.forms.expr.ValueType;
import dev.brickwork.forms.model.FieldType;

/** What a filtered value is, as far as the operators care: which {@link FilterOp}s apply to it. */
public enum FilterKind {
    /** text, compared, ordered and searched (contains, startsWith) */
    TEXT,
    /** numbers, dates and date-times: compared and ordered */
    ORDERED,
    BOOLEAN,
    /** compared for equality only: ids (references, users, departments) and a sensitive field's keyed hash */
    EQUALITY,
    /** a multiselect's values */
    LIST,
    /** cannot be filtered (attachments, subtables) */
    NONE;

    /**
     * The kind of a stored field; {@code computed} is the value type of a formula (its result) or of a lookup (the
     * looked-up field's), null for other types.
     */
    public static FilterKind of(FieldType type, ValueType computed) {
        return switch (type) {
            case TEXT, TEXTAREA, EMAIL, PHONE, URL, SELECT, AUTONUMBER -> TEXT;
            case NUMBER, MONEY, PERCENT, ROLLUP, DATE, DATETIME -> ORDERED;
            case BOOLEAN -> BOOLEAN;
            case USER, DEPARTMENT, REFERENCE -> EQUALITY;
            case MULTISELECT -> LIST;
            // a lookup is filtered as the field it looks up: callers pass that field's type
            case SUBTABLE, ATTACHMENT, LOOKUP -> NONE;
            case FORMULA -> computed == null ? NONE : of(computed);
        };
    }

    /** The kind of an expression's result type. */
    public static FilterKind of(ValueType type) {
        return switch (type) {
            case TEXT, NULL -> TEXT;
            case NUMBER, DATE, DATETIME -> ORDERED;
            case BOOLEAN -> BOOLEAN;
            case LIST -> LIST;
        };
    }
}
