package dev.brickwork.forms.expr;

// Unwinds an evaluation to CompiledTree#evaluate, which turns it into Evaluation.Failed.
final class EvaluationFailure extends RuntimeException {

    private final transient ExpressionProblem problem;

    EvaluationFailure(ExpressionProblemCode code, int position, String message) {
        super(message, null, false, false);
        this.problem = code.at(position, message);
    }

    ExpressionProblem problem() {
        return problem;
    }
}
