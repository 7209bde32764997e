package dev.brickwork.forms.expr;

import static dev.brickwork.forms.expr.ExpressionProblemCode.EXPR_AGGREGATE_REQUIRED;
import static dev.brickwork.forms.expr.ExpressionProblemCode.EXPR_TYPE_MISMATCH;
import static dev.brickwork.forms.expr.ValueType.NUMBER;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

// SUM, AVG, COUNT, MIN and MAX over a subtable. The subtable is the one the argument's first column names;
// the argument is then checked as a row expression, where top-level fields may appear too.
final class AggregateChecker {

    private static final Set<ValueType> NUMBERS = EnumSet.of(NUMBER);

    private final TypeChecker checker;
    private final Problems problems;

    AggregateChecker(TypeChecker checker, Problems problems) {
        this.checker = checker;
        this.problems = problems;
    }

    // Empty when the call is not an aggregate after all: MIN or MAX of one value that reads no column.
    Optional<Checked> aggregate(Function function, Syntax.Call call, TypeChecker.Row row) {
        boolean scalarAllowed = function == Function.MIN || function == Function.MAX;
        Syntax argument = call.arguments().get(0);
        if (row != null) {
            // a row has no subtables of its own, so an aggregate inside another has nothing to read
            if (scalarAllowed) {
                return Optional.empty();
            }
            problems.add(EXPR_TYPE_MISMATCH, call.position(),
                    function + " cannot be used inside " + row.function() + ", which already reads each row");
            checker.check(argument, row);
            return Optional.of(Checked.unknown(call.position()));
        }
        if (function == Function.COUNT && isSubtableName(argument)) {
            String subtable = ((Syntax.Name) argument).key();
            checker.referenceSubtable(subtable);
            return Optional.of(new Checked(new Bound.RowCount(subtable, call.position()), NUMBER));
        }
        Optional<Syntax.ColumnName> column = firstColumn(argument);
        if (column.isEmpty()) {
            if (scalarAllowed) {
                return Optional.empty();
            }
            problems.add(EXPR_AGGREGATE_REQUIRED, call.position(),
                    function + " reads a subtable column, written subtable.key");
            if (!isSubtableName(argument)) {
                checker.check(argument, null);
            }
            return Optional.of(Checked.unknown(call.position()));
        }
        String subtable = column.get().subtable();
        TypeChecker.Row inner = new TypeChecker.Row(subtable, checker.subtableScope(subtable), function);
        Checked checked = checker.check(argument, inner);
        int before = problems.count();
        ValueType type = checker.unlessReported(before, resultType(function, checked));
        return Optional.of(new Checked(new Bound.Aggregate(function, subtable, checked.node(), call.position()), type));
    }

    // Checks the arguments of an aggregating function whose arity is wrong, each in the row of the subtable it
    // reads, so the wrong arity does not also bring a complaint about every column.
    void checkArguments(Function function, List<Syntax> arguments, TypeChecker.Row row) {
        for (Syntax argument : arguments) {
            if (row != null) {
                checker.check(argument, row);
            } else if (!isSubtableName(argument)) {
                TypeChecker.Row inner = firstColumn(argument)
                        .map(column -> new TypeChecker.Row(column.subtable(),
                                checker.subtableScope(column.subtable()), function))
                        .orElse(null);
                checker.check(argument, inner);
            }
        }
    }

    private boolean isSubtableName(Syntax argument) {
        return argument instanceof Syntax.Name name && checker.isSubtable(name.key());
    }

    private ValueType resultType(Function function, Checked argument) {
        switch (function) {
            case SUM:
            case AVG:
                require(function, argument, NUMBERS, "numbers");
                return NUMBER;
            case COUNT:
                require(function, argument, Checked.SCALAR, "values other than lists of choices");
                return NUMBER;
            default:
                require(function, argument, Checked.ORDERED, "numbers, texts, dates or dates and times");
                return argument.type();
        }
    }

    private void require(Function function, Checked argument, Set<ValueType> allowed, String what) {
        if (!argument.fits(allowed)) {
            problems.add(EXPR_TYPE_MISMATCH, argument.position(),
                    function + " needs " + what + ", not " + Checked.describe(argument.type()));
        }
    }

    // The leftmost subtable.key in the argument; the tree's height is bounded by the parser.
    private static Optional<Syntax.ColumnName> firstColumn(Syntax node) {
        if (node instanceof Syntax.ColumnName column) {
            return Optional.of(column);
        }
        if (node instanceof Syntax.Unary unary) {
            return firstColumn(unary.operand());
        }
        if (node instanceof Syntax.Binary binary) {
            Optional<Syntax.ColumnName> left = firstColumn(binary.left());
            return left.isPresent() ? left : firstColumn(binary.right());
        }
        if (node instanceof Syntax.Call call) {
            for (Syntax argument : call.arguments()) {
                Optional<Syntax.ColumnName> found = firstColumn(argument);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }
}
