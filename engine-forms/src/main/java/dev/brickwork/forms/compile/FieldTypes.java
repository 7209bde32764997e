package dev.brickwork.forms.compile;

import dev.brickwork.forms.expr.ValueType;
import dev.brickwork.forms.model.FieldType;

import java.util.Optional;

/** The expression type of a stored field type. Formulas have their result type, known only once compiled. */
final class FieldTypes {

    private FieldTypes() {
    }

    /** Empty for subtables (read only through aggregates), attachments, and formulas and lookups (typed by {@link Level}). */
    static Optional<ValueType> of(FieldType type) {
        return Optional.ofNullable(switch (type) {
            case TEXT, TEXTAREA, EMAIL, PHONE, URL, SELECT, USER, DEPARTMENT, REFERENCE, AUTONUMBER -> ValueType.TEXT;
            case NUMBER, MONEY, PERCENT, ROLLUP -> ValueType.NUMBER;
            case BOOLEAN -> ValueType.BOOLEAN;
            case DATE -> ValueType.DATE;
            case DATETIME -> ValueType.DATETIME;
            case MULTISELECT -> ValueType.LIST;
            case SUBTABLE, ATTACHMENT, FORMULA, LOOKUP -> null;
        });
    }
}
