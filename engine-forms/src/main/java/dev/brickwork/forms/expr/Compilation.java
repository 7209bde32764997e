package dev.brickwork.forms.expr;

import java.util.List;
import java.util.Optional;

/** What compiling an expression gave: the expression when there are no problems, else every problem found. */
public record Compilation(Optional<CompiledExpression> expression, List<ExpressionProblem> problems) {

    public Compilation {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return expression.isPresent() && problems.isEmpty();
    }
}
