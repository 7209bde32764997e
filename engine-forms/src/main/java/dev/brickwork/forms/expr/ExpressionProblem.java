package dev.brickwork.forms.expr;

/**
 * Why an expression does not parse, type-check or evaluate.
 *
 * @param code     e.g. {@code EXPR_SYNTAX}, {@code EXPR_UNKNOWN_FIELD}
 * @param position zero-based character offset in the source where the problem starts
 * @param message  English text; never echoes more of the source than a name
 */
public record ExpressionProblem(String code, int position, String message) {
}
