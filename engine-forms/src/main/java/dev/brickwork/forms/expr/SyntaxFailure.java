package dev.brickwork.forms.expr;

// Stops the lexer or parser at the first syntax error; never leaves this package.
final class SyntaxFailure extends RuntimeException {

    private final transient ExpressionProblem problem;

    SyntaxFailure(ExpressionProblemCode code, int position, String message) {
        super(message, null, false, false);
        this.problem = code.at(position, message);
    }

    ExpressionProblem problem() {
        return problem;
    }
}
