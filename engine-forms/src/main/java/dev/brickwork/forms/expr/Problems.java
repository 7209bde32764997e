package dev.brickwork.forms.expr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

// Collects the problems of one compilation; the type checker keeps going after each.
final class Problems {

    private final List<ExpressionProblem> found = new ArrayList<>();

    void add(ExpressionProblemCode code, int position, String message) {
        found.add(code.at(position, message));
    }

    void add(ExpressionProblem problem) {
        found.add(problem);
    }

    int count() {
        return found.size();
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    // In source order, which is how people read them.
    List<ExpressionProblem> sorted() {
        List<ExpressionProblem> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingInt(ExpressionProblem::position));
        return List.copyOf(sorted);
    }
}
