package dev.brickwork.forms.compile;

import dev.brickwork.forms.expr.CompiledExpression;
import dev.brickwork.forms.model.RuleDefinition;

/** A validation rule with its compiled BOOLEAN expression: the record is invalid while it is false. */
public record CompiledValidationRule(RuleDefinition.Validation rule, CompiledExpression expression) {
}
