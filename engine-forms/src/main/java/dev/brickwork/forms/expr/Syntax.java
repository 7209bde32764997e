package dev.brickwork.forms.expr;

import java.util.List;

// The parse tree, before names and functions are resolved; position is where the node starts.
sealed interface Syntax {

    int position();

    record Literal(Value value, int position) implements Syntax {
    }

    // A top-level field key, or a subtable key where COUNT counts rows.
    record Name(String key, int position) implements Syntax {
    }

    // subtable.key; position is that of the subtable key.
    record ColumnName(String subtable, String key, int position) implements Syntax {
    }

    record Unary(UnaryOperator operator, Syntax operand, int position) implements Syntax {
    }

    // position is the left operand's; operatorPosition the operator's.
    record Binary(BinaryOperator operator, Syntax left, Syntax right, int position, int operatorPosition)
            implements Syntax {
    }

    // name as written; functions are matched ignoring case.
    record Call(String name, List<Syntax> arguments, int position) implements Syntax {
        public Call {
            arguments = List.copyOf(arguments);
        }
    }
}
