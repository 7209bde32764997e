package dev.brickwork.forms.expr;

/** The types the expression language knows. Money, percent and numbers are all exact {@code NUMBER}s. */
public enum ValueType {
    TEXT, NUMBER, BOOLEAN, DATE, DATETIME,
    /** a multiselect's values: a list of texts */
    LIST,
    /** the type of the literal {@code null}; fits every other type */
    NULL
}
