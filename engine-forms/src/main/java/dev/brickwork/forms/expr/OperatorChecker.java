package dev.brickwork.forms.expr;

import static dev.brickwork.forms.expr.ExpressionProblemCode.EXPR_TYPE_MISMATCH;
import static dev.brickwork.forms.expr.ValueType.BOOLEAN;
import static dev.brickwork.forms.expr.ValueType.DATE;
import static dev.brickwork.forms.expr.ValueType.NULL;
import static dev.brickwork.forms.expr.ValueType.NUMBER;
import static dev.brickwork.forms.expr.ValueType.TEXT;

import java.util.EnumSet;
import java.util.Set;

// The typing rules of the operators. A wrong operand is reported where it starts, a wrong pairing at the operator.
final class OperatorChecker {

    private static final Set<ValueType> NUMBERS = EnumSet.of(NUMBER);
    private static final Set<ValueType> BOOLEANS = EnumSet.of(BOOLEAN);
    private static final Set<ValueType> DATE_ARITHMETIC = EnumSet.of(NUMBER, DATE);

    private final Problems problems;

    OperatorChecker(Problems problems) {
        this.problems = problems;
    }

    ValueType unary(UnaryOperator operator, Checked operand) {
        if (operator == UnaryOperator.NEGATE) {
            require(operand, NUMBERS, "'-' needs a number");
            return NUMBER;
        }
        require(operand, BOOLEANS, "'not' needs a true/false value");
        return BOOLEAN;
    }

    ValueType binary(BinaryOperator operator, Checked left, Checked right, int operatorPosition) {
        String symbol = "'" + operator.symbol + "'";
        switch (operator) {
            case AND:
            case OR:
                require(left, BOOLEANS, symbol + " needs true/false values");
                require(right, BOOLEANS, symbol + " needs true/false values");
                return BOOLEAN;
            case CONCAT:
                require(left, Checked.SCALAR, "'&' cannot join a list of choices");
                require(right, Checked.SCALAR, "'&' cannot join a list of choices");
                return TEXT;
            case ADD:
            case SUBTRACT:
                return dateOrNumber(operator, left, right, operatorPosition);
            case MULTIPLY:
            case DIVIDE:
            case REMAINDER:
                require(left, NUMBERS, symbol + " needs numbers");
                require(right, NUMBERS, symbol + " needs numbers");
                return NUMBER;
            default:
                comparison(operator, left, right, operatorPosition);
                return BOOLEAN;
        }
    }

    private void comparison(BinaryOperator operator, Checked left, Checked right, int operatorPosition) {
        String symbol = "'" + operator.symbol + "'";
        Set<ValueType> allowed = operator.isOrdering() ? Checked.ORDERED : Checked.SCALAR;
        String need = operator.isOrdering() ? " compares numbers, texts, dates or dates and times"
                : " cannot compare lists of choices";
        boolean leftFits = require(left, allowed, symbol + need);
        boolean rightFits = require(right, allowed, symbol + need);
        if (leftFits && rightFits && concrete(left) && concrete(right) && left.type() != right.type()) {
            problems.add(EXPR_TYPE_MISMATCH, operatorPosition, symbol + " cannot compare "
                    + Checked.describe(left.type()) + " with " + Checked.describe(right.type()));
        }
    }

    // DATE + NUMBER and DATE - NUMBER give a DATE, DATE - DATE the days between, numbers a number.
    private ValueType dateOrNumber(BinaryOperator operator, Checked left, Checked right, int operatorPosition) {
        String symbol = "'" + operator.symbol + "'";
        boolean leftFits = require(left, DATE_ARITHMETIC, symbol + " needs numbers, or a date and a number of days");
        boolean rightFits = require(right, DATE_ARITHMETIC, symbol + " needs numbers, or a date and a number of days");
        if (!leftFits || !rightFits || !left.known() || !right.known()) {
            return null;
        }
        ValueType l = left.type();
        ValueType r = right.type();
        if (operator == BinaryOperator.ADD) {
            if (l == DATE && r == DATE) {
                problems.add(EXPR_TYPE_MISMATCH, operatorPosition, "'+' cannot add two dates");
                return null;
            }
            return l == DATE || r == DATE ? DATE : l == NULL && r == NULL ? NULL : NUMBER;
        }
        if (l == DATE) {
            // the null literal could be a date too, but taking away days is what people write
            return r == DATE ? NUMBER : DATE;
        }
        if (r == DATE) {
            if (l == NUMBER) {
                problems.add(EXPR_TYPE_MISMATCH, operatorPosition, "'-' cannot subtract a date from a number");
                return null;
            }
            return NUMBER;
        }
        return l == NULL && r == NULL ? NULL : NUMBER;
    }

    private boolean require(Checked operand, Set<ValueType> allowed, String message) {
        if (operand.fits(allowed)) {
            return true;
        }
        problems.add(EXPR_TYPE_MISMATCH, operand.position(), message + ", not " + Checked.describe(operand.type()));
        return false;
    }

    private static boolean concrete(Checked operand) {
        return operand.known() && operand.type() != NULL;
    }
}
