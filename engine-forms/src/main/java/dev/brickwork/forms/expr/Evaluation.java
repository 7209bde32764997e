package dev.brickwork.forms.expr;

/** The outcome of evaluating a compiled expression: a value, or a located runtime problem (e.g. division by zero). */
public sealed interface Evaluation {

    record Ok(Value value) implements Evaluation {
    }

    record Failed(ExpressionProblem problem) implements Evaluation {
    }
}
