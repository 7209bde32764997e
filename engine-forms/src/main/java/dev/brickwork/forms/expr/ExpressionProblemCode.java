package dev.brickwork.forms.expr;

/** The codes an {@link ExpressionProblem} carries; {@code name()} is the code string. */
public enum ExpressionProblemCode {
    EXPR_SYNTAX,
    EXPR_UNKNOWN_FIELD,
    EXPR_UNKNOWN_FUNCTION,
    EXPR_ARITY,
    EXPR_TYPE_MISMATCH,
    EXPR_AGGREGATE_REQUIRED,
    EXPR_UNKNOWN_SUBTABLE,
    EXPR_TOO_LONG,
    EXPR_TOO_DEEP,
    EXPR_NUMBER_TOO_LARGE,
    EXPR_DIVISION_BY_ZERO,
    /** an argument that must be one of a few literal texts is not (DATEADD's unit) */
    EXPR_ARGUMENT_INVALID,
    /** a defect of the implementation, reported instead of throwing */
    EXPR_INTERNAL;

    ExpressionProblem at(int position, String message) {
        return new ExpressionProblem(name(), position, message);
    }
}
