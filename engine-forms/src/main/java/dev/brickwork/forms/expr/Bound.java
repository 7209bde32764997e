package dev.brickwork.forms.expr;

import java.util.List;

// The checked tree the evaluator walks: names resolved with their types, functions and aggregates resolved.
sealed interface Bound {

    int position();

    record Constant(Value value, int position) implements Bound {
    }

    record FieldRead(String key, ValueType type, int position) implements Bound {
    }

    // A column of the subtable row the enclosing aggregate is at.
    record ColumnRead(String subtable, String key, ValueType type, int position) implements Bound {
    }

    record Unary(UnaryOperator operator, Bound operand, int position) implements Bound {
    }

    record Binary(BinaryOperator operator, Bound left, Bound right, int position, int operatorPosition)
            implements Bound {
    }

    record Apply(Function function, List<Bound> arguments, int position) implements Bound {
        public Apply {
            arguments = List.copyOf(arguments);
        }
    }

    // SUM, AVG, COUNT, MIN or MAX of argument evaluated once per row of subtable.
    record Aggregate(Function function, String subtable, Bound argument, int position) implements Bound {
    }

    // COUNT(subtable): the number of rows.
    record RowCount(String subtable, int position) implements Bound {
    }
}
