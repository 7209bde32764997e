package dev.brickwork.forms.compile;

import dev.brickwork.forms.expr.CompiledExpression;

/** A formula field with its compiled expression. */
public record CompiledFormula(String key, CompiledExpression expression) {
}
