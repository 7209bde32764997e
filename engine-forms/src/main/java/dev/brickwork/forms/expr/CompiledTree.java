package dev.brickwork.forms.expr;

import static dev.brickwork.forms.expr.ExpressionProblemCode.EXPR_INTERNAL;

import java.util.Set;

// The compiled form: the checked tree and what it reads. Immutable, so it may be cached and shared.
record CompiledTree(String source, ValueType resultType, Set<String> references, Bound root)
        implements CompiledExpression {

    private static final Evaluator EVALUATOR = new Evaluator();

    CompiledTree {
        references = Set.copyOf(references);
    }

    @Override
    public boolean readsTheClock() {
        return readsTheClock(root);
    }

    private static boolean readsTheClock(Bound node) {
        if (node instanceof Bound.Apply apply) {
            return apply.function() == Function.TODAY || apply.function() == Function.NOW
                    || apply.arguments().stream().anyMatch(CompiledTree::readsTheClock);
        }
        if (node instanceof Bound.Unary unary) {
            return readsTheClock(unary.operand());
        }
        if (node instanceof Bound.Binary binary) {
            return readsTheClock(binary.left()) || readsTheClock(binary.right());
        }
        return node instanceof Bound.Aggregate aggregate && readsTheClock(aggregate.argument());
    }

    @Override
    public Evaluation evaluate(ValueScope scope) {
        if (scope == null) {
            return new Evaluation.Failed(EXPR_INTERNAL.at(0, "There are no values to evaluate against"));
        }
        try {
            return new Evaluation.Ok(EVALUATOR.evaluate(root, new Evaluator.Env(scope, null)));
        } catch (EvaluationFailure failure) {
            return new Evaluation.Failed(failure.problem());
        } catch (RuntimeException defect) {
            // the last line of defence: a defect here or in a scope implementation must not escape to the caller
            return new Evaluation.Failed(EXPR_INTERNAL.at(0, "The expression could not be evaluated"));
        }
    }
}
