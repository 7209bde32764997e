package dev.brickwork.forms.expr;

import java.util.Locale;
import java.util.Optional;

// The functions of the language (docs/spec.md §2), and no others.
enum Function {
    IF(3, 3), AND(1, -1), OR(1, -1), NOT(1, 1),
    ROUND(1, 2), ABS(1, 1), MIN(1, -1), MAX(1, -1),
    SUM(1, 1), AVG(1, 1), COUNT(1, 1),
    COALESCE(1, -1), ISBLANK(1, 1), LEN(1, 1), UPPER(1, 1), LOWER(1, 1), CONCAT(1, -1),
    TODAY(0, 0), NOW(0, 0), DAYS(2, 2), YEAR(1, 1), MONTH(1, 1),
    // additions to docs/spec.md §2
    DATEADD(3, 3), HOURS(2, 2);

    private final int minArity;
    // -1: any number from minArity
    private final int maxArity;

    Function(int minArity, int maxArity) {
        this.minArity = minArity;
        this.maxArity = maxArity;
    }

    static Optional<Function> named(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        for (Function function : values()) {
            if (function.name().equals(upper)) {
                return Optional.of(function);
            }
        }
        return Optional.empty();
    }

    boolean accepts(int arity) {
        return arity >= minArity && (maxArity < 0 || arity <= maxArity);
    }

    String arityText() {
        if (maxArity < 0) {
            return "at least " + minArity + (minArity == 1 ? " argument" : " arguments");
        }
        if (minArity == maxArity) {
            return minArity + (minArity == 1 ? " argument" : " arguments");
        }
        return minArity + " or " + maxArity + " arguments";
    }

    // SUM, AVG and COUNT always aggregate; MIN and MAX do when given one subtable column.
    boolean canAggregate() {
        return this == SUM || this == AVG || this == COUNT || this == MIN || this == MAX;
    }
}
