package dev.brickwork.forms.record;

import dev.brickwork.forms.expr.CompiledExpression;
import dev.brickwork.forms.expr.Evaluation;
import dev.brickwork.forms.expr.ExpressionProblem;
import dev.brickwork.forms.expr.ValueScope;

/** Evaluates a compiled expression, turning an unexpected exception into a failed evaluation. */
final class Evaluator {

    private Evaluator() {
    }

    static Evaluation evaluate(CompiledExpression expression, ValueScope scope) {
        try {
            Evaluation evaluation = expression.evaluate(scope);
            return evaluation == null
                    ? new Evaluation.Failed(new ExpressionProblem("EXPR_INTERNAL", 0, "no result"))
                    : evaluation;
        } catch (RuntimeException | StackOverflowError e) {
            // CompiledExpression promises not to throw; a validation must not turn into a 500 if it does
            return new Evaluation.Failed(new ExpressionProblem("EXPR_INTERNAL", 0, "evaluation failed"));
        }
    }
}
