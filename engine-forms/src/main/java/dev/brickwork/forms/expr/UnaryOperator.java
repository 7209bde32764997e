package dev.brickwork.forms.expr;

// The prefix operators.
enum UnaryOperator {
    NEGATE("-"), NOT("not");

    final String symbol;

    UnaryOperator(String symbol) {
        this.symbol = symbol;
    }
}
