package dev.brickwork.forms.expr;

import java.util.Arrays;
import java.util.Optional;

// The units DATEADD takes, by the literal text an expression names them with.
enum DateUnit {
    MINUTE("minute"), HOUR("hour"), DAY("day"), MONTH("month"), YEAR("year");

    private final String text;

    DateUnit(String text) {
        this.text = text;
    }

    static Optional<DateUnit> named(String text) {
        return Arrays.stream(values()).filter(unit -> unit.text.equals(text)).findFirst();
    }

    // Minutes and hours only make sense with a time of day; a date takes days, months and years.
    boolean belowDay() {
        return this == MINUTE || this == HOUR;
    }

    static String listed() {
        return "'minute', 'hour', 'day', 'month' or 'year'";
    }
}
