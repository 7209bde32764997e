package dev.brickwork.forms.expr;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A runtime value of the expression language. Blank is {@link Null}. */
public sealed interface Value {

    ValueType type();

    Null NULL = new Null();

    record Null() implements Value {
        public ValueType type() {
            return ValueType.NULL;
        }
    }

    record Text(String value) implements Value {
        public ValueType type() {
            return ValueType.TEXT;
        }
    }

    /** Exact decimal; never a binary floating point. */
    record Number(BigDecimal value) implements Value {
        public ValueType type() {
            return ValueType.NUMBER;
        }
    }

    record Bool(boolean value) implements Value {
        public ValueType type() {
            return ValueType.BOOLEAN;
        }
    }

    record Date(LocalDate value) implements Value {
        public ValueType type() {
            return ValueType.DATE;
        }
    }

    record DateTime(Instant value) implements Value {
        public ValueType type() {
            return ValueType.DATETIME;
        }
    }

    record ListOf(List<String> values) implements Value {
        public ListOf {
            values = List.copyOf(values);
        }

        public ValueType type() {
            return ValueType.LIST;
        }
    }
}
