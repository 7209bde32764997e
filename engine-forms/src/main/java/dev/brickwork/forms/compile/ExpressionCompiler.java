package dev.brickwork.forms.compile;

import dev.brickwork.forms.Problem;
import dev.brickwork.forms.expr.Compilation;
import dev.brickwork.forms.expr.CompiledExpression;
import dev.brickwork.forms.expr.ExpressionProblem;
import dev.brickwork.forms.expr.Expressions;
import dev.brickwork.forms.expr.TypeScope;
import dev.brickwork.forms.expr.ValueType;
import dev.brickwork.forms.read.DefinitionCodes;

import java.util.List;
import java.util.Optional;

/** Compiles one expression of a definition and turns its problems into problems located at the expression's property. */
final class ExpressionCompiler {

    private final List<Problem> problems;

    /** @param problems where problems go; a throwaway list when only the types matter (another form's formulas) */
    ExpressionCompiler(List<Problem> problems) {
        this.problems = problems;
    }

    Optional<CompiledExpression> compile(String source, TypeScope scope, ValueType expected, String pointer) {
        Compilation compilation;
        try {
            compilation = Expressions.compile(source, scope, expected);
        } catch (RuntimeException | StackOverflowError e) {
            // the compiler must never throw on a definition; an unexpected failure is the definition's problem report
            problems.add(Problem.error(pointer, DefinitionCodes.EXPR_INTERNAL, "The expression could not be compiled"));
            return Optional.empty();
        }
        for (ExpressionProblem problem : compilation.problems()) {
            problems.add(Problem.error(pointer, problem.code(),
                    "at position " + problem.position() + ": " + problem.message()));
        }
        if (!compilation.ok() && compilation.problems().isEmpty()) {
            problems.add(Problem.error(pointer, DefinitionCodes.EXPR_INTERNAL, "The expression could not be compiled"));
        }
        return compilation.ok() ? compilation.expression() : Optional.empty();
    }
}
