package dev.brickwork.forms.expr;

// The infix operators, loosest-binding first.
enum BinaryOperator {
    OR("or", 1), AND("and", 2),
    EQ("=", 3), NE("!=", 3), LT("<", 3), LE("<=", 3), GT(">", 3), GE(">=", 3),
    CONCAT("&", 4),
    ADD("+", 5), SUBTRACT("-", 5),
    MULTIPLY("*", 6), DIVIDE("/", 6), REMAINDER("%", 6);

    // above every infix operator
    static final int UNARY_POWER = 7;

    final String symbol;
    final int power;

    BinaryOperator(String symbol, int power) {
        this.symbol = symbol;
        this.power = power;
    }

    boolean isComparison() {
        return power == 3;
    }

    boolean isOrdering() {
        return isComparison() && this != EQ && this != NE;
    }

    boolean isArithmetic() {
        return power >= 5;
    }

    // The operator a token stands for in infix position, or null when it ends the operand.
    static BinaryOperator of(Token token) {
        return switch (token.kind()) {
            case PLUS -> ADD;
            case MINUS -> SUBTRACT;
            case STAR -> MULTIPLY;
            case SLASH -> DIVIDE;
            case PERCENT -> REMAINDER;
            case AMPERSAND -> CONCAT;
            case EQ -> EQ;
            case NE -> NE;
            case LT -> LT;
            case LE -> LE;
            case GT -> GT;
            case GE -> GE;
            case NAME -> token.isWord("and") ? AND : token.isWord("or") ? OR : null;
            default -> null;
        };
    }
}
