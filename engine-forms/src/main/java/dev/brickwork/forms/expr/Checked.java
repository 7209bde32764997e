package dev.brickwork.forms.expr;

import java.util.EnumSet;
import java.util.Set;

// A checked node and its type; a null type means "unknown": a problem was already reported there, so
// nothing that uses the node reports again.
record Checked(Bound node, ValueType type) {

    static final Set<ValueType> ORDERED = EnumSet.of(ValueType.NUMBER, ValueType.TEXT, ValueType.DATE,
            ValueType.DATETIME);
    static final Set<ValueType> SCALAR = EnumSet.complementOf(EnumSet.of(ValueType.LIST));

    static Checked unknown(int position) {
        return new Checked(new Bound.Constant(Value.NULL, position), null);
    }

    int position() {
        return node.position();
    }

    boolean known() {
        return type != null;
    }

    // Unknown and the null literal fit anything; otherwise the type must be one of allowed.
    boolean fits(Set<ValueType> allowed) {
        return type == null || type == ValueType.NULL || allowed.contains(type);
    }

    static String describe(ValueType type) {
        return switch (type) {
            case TEXT -> "text";
            case NUMBER -> "a number";
            case BOOLEAN -> "a true/false value";
            case DATE -> "a date";
            case DATETIME -> "a date and time";
            case LIST -> "a list of choices";
            case NULL -> "null";
        };
    }
}
